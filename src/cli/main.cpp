// jianbao: archive Chinese news bulletins and query them. Errors from every stage arrive here and
// are printed once, as `jianbao: <what>: <why>`.
#include "cli.hpp"

#include "jianbao/util/error.hpp"

#include <iostream>

#ifndef JIANBAO_VERSION
#define JIANBAO_VERSION "0"
#endif

int main(int argc, char** argv) {
    using namespace jianbao;
    CLI::App app{"jianbao (简报): archive Chinese news bulletins, find who did what, when and with whom"};
    app.set_version_flag("--version", std::string("jianbao ") + JIANBAO_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    cli::Globals g;
    app.add_option("--db", g.db, "archive file (default: $JIANBAO_DB, else ./jianbao.db)");
    app.add_option("--color", g.color, "colour output: auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("-q,--quiet", g.quiet, "print only data, no summaries");
    app.add_flag("-v,--verbose", g.verbose, "print more detail on stderr");
    cli::setup_import(app, g);
    cli::setup_parse(app, g);
    cli::setup_search(app, g);
    cli::setup_show(app, g);
    cli::setup_person(app, g);
    cli::setup_export(app, g);
    cli::setup_stats(app, g);
    cli::setup_directory(app, g);
    cli::setup_check(app, g);
    cli::setup_remove(app, g);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage;
    } catch (const cli::ExitStatus& e) {
        return e.code;
    } catch (const Error& e) {
        std::cout.flush();
        std::cerr << "jianbao: " << e.what() << '\n';
        return e.exit_code();
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "jianbao: internal error: " << e.what() << '\n';
        return 70;
    }
    return exit_ok;
}
