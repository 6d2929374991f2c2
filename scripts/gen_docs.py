#!/usr/bin/env python3
"""Generates the man page (data/man/jianbao.1) and the bash completion (data/completion/jianbao)
from the binary's own --help, so they cannot drift from it; a test regenerates both and compares.
Usage: scripts/gen_docs.py BUILD/jianbao [OUTDIR]   (OUTDIR defaults to the source tree's data/)"""
import os
import re
import subprocess
import sys

binary = sys.argv[1]
outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data")


def help_of(*sub):
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([binary, *sub, "--help"], capture_output=True, text=True, env=env, check=True).stdout


def parse(text):
    """(description, usage, [(names, description)], [(positional, description)], [(subcommand, description)])"""
    lines = text.splitlines()
    desc = lines[0].strip()
    usage = next((l.split("Usage: ", 1)[1] for l in lines if l.startswith("Usage: ")), "")
    usage = re.sub(r"^\S*jianbao", "jianbao", usage)
    section, items = None, {"Options": [], "Positionals": [], "Subcommands": []}
    for l in lines:
        if l.rstrip().endswith(":") and not l.startswith(" "):
            section = l.strip()[:-1]
            continue
        if section in items and l.startswith("  "):
            m = re.match(r"^  (\S.*?)(?:\s{2,}(\S.*))?$", l)
            if l.startswith("      ") and items[section]:
                name, d = items[section][-1]
                items[section][-1] = (name, (d + " " + l.strip()).strip())
            elif m:
                items[section].append((m.group(1).strip(), (m.group(2) or "").strip()))
    return desc, usage, items["Options"], items["Positionals"], items["Subcommands"]


def esc(s):
    return s.replace("\\", "\\\\").replace("-", "\\-")


top = parse(help_of())
subs = [(name, parse(help_of(name))) for name, _ in top[4]]

man = [
    '.TH JIANBAO 1 "" "jianbao" "User Commands"',
    ".SH NAME",
    "jianbao \\- archive Chinese news bulletins and find who did what, when and with whom",
    ".SH SYNOPSIS",
    ".B jianbao",
    esc("[--db PATH] [--color auto|always|never] [-q] [-v] SUBCOMMAND ..."),
    ".SH DESCRIPTION",
    esc("jianbao splits plain-text bulletins (UTF-8, UTF-16, GB18030, Big5) into articles, briefs and "
        "photo captions, extracts dates, people with their official titles, organisations, places and events, "
        "stores everything in one SQLite archive with a full-text index, and answers queries. A bulletin's "
        "masthead (name, issue number, issuer, date; a table of contents under it) and colophon (供稿, 报, 送 …) "
        "are kept on the bulletin, not read as records."),
    ".SH OPTIONS",
]
for names, d in top[2]:
    man += [".TP", f".B {esc(names)}", esc(d)]
man.append(".SH COMMANDS")
for name, (desc, usage, opts, pos, _) in subs:
    man += [".SS " + esc(usage), esc(desc)]
    for names, d in pos + opts:
        if names.startswith("-h,--help"):
            continue
        man += [".TP", f".B {esc(names)}", esc(d)]
man += [
    ".SH ENVIRONMENT",
    ".TP", ".B JIANBAO_DB", esc("The archive file when --db is not given (default: ./jianbao.db)."),
    ".TP", ".B JIANBAO_DATA", esc("The lexicon directory (default: ../share/jianbao/lexicon next to the binary)."),
    ".TP", ".B NO_COLOR", esc("When set and not empty, no colour is used unless --color=always."),
    ".SH FILES",
    ".TP", ".I ./jianbao.db", esc("The default archive: one SQLite file in WAL mode (with -wal and -shm files while in use)."),
    ".TP", ".I share/jianbao/lexicon/", esc("Surnames, titles, organisation suffixes, places, event triggers, date words."),
    ".SH EXIT STATUS",
    ".TP", ".B 0", "Success.",
    ".TP", ".B 1", esc("Nothing found (search, person, show, remove), as grep; or an ambiguous pinyin name."),
    ".TP", ".B 2", esc("Usage error: unknown option, bad date, malformed query."),
    ".TP", ".B 3", esc("An input file could not be read or parsed (the other files were still imported)."),
    ".TP", ".B 4", esc("The archive could not be opened, read or written, or check found a problem."),
    ".TP", ".B 5", esc("Installation problem: a lexicon file is missing."),
    ".TP", ".B 70", esc("Internal error."),
    ".SH EXAMPLES",
    ".nf",
    esc("jianbao import --issued 2021-12 kaifaqu-2021-12.txt"),
    esc("jianbao search 疫苗 --from 2021-12-01 --to 2021-12-31"),
    esc("jianbao person 'jin feng'"),
    esc("jianbao export --format csv --table appearances --bom -o appearances.csv"),
    ".fi",
]
os.makedirs(os.path.join(outdir, "man"), exist_ok=True)
with open(os.path.join(outdir, "man", "jianbao.1"), "w", encoding="utf-8") as f:
    f.write("\n".join(man) + "\n")


def flags(opts):
    out = []
    for names, _ in opts:
        first = names.split()[0]
        out += [n for n in first.split(",") if n.startswith("-")]
    return out


comp = ["# bash completion for jianbao, generated from its --help by scripts/gen_docs.py", "_jianbao() {",
        "  local cur=${COMP_WORDS[COMP_CWORD]} sub= i",
        "  for ((i = 1; i < COMP_CWORD; i++)); do",
        "    case ${COMP_WORDS[i]} in " + "|".join(n for n, _ in subs) + ") sub=${COMP_WORDS[i]}; break;; esac",
        "  done",
        "  local words",
        "  case $sub in",
        "    '') words=\"" + " ".join([n for n, _ in subs] + flags(top[2])) + "\";;"]
for name, (_, _, opts, _, _) in subs:
    comp.append(f"    {name}) words=\"{' '.join(flags(opts))}\";;")
comp += ["  esac",
         "  if [[ $cur == -* || -z $sub ]]; then COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))",
         "  else COMPREPLY=($(compgen -f -- \"$cur\")); fi",
         "}",
         "complete -o filenames -F _jianbao jianbao"]
os.makedirs(os.path.join(outdir, "completion"), exist_ok=True)
with open(os.path.join(outdir, "completion", "jianbao"), "w", encoding="utf-8") as f:
    f.write("\n".join(comp) + "\n")
