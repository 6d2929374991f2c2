#include "jianbao/decode/decode.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/utf8.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cctype>
#include <memory>
#include <vector>

namespace jianbao {

namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

std::string offset_str(std::size_t off) { return std::to_string(off); }

// What kind of binary file the first bytes announce, if any.
std::optional<std::string> binary_kind(std::string_view b) {
    auto has = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
    if (has("\x89PNG")) return "a PNG image";
    if (has("\x7f" "ELF")) return "an ELF executable";
    if (has("%PDF")) return "a PDF document (extract its text first, e.g. with pdftotext)";
    if (has("PK\x03\x04")) return "a ZIP archive (or DOCX/XLSX)";
    if (has("\xff\xd8\xff")) return "a JPEG image";
    if (has("GIF8")) return "a GIF image";
    if (has("SQLite format 3")) return "an SQLite database";
    if (has("\xd0\xcf\x11\xe0")) return "an MS Office (OLE) document";
    if (has("\x1f\x8b")) return "a gzip archive";
    return std::nullopt;
}

// Strict conversion to UTF-8 through an ICU converter; throws with the byte offset of the first
// sequence the converter cannot map.
std::string convert_strict(std::string_view bytes, const std::string& encoding, const std::string& source) {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(encoding.c_str(), &st));
    if (U_FAILURE(st)) throw Error(source + ": unknown encoding '" + encoding + "'", exit_usage);
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
    std::u16string u16(bytes.size() + 2, u'\0');
    const char* src = bytes.data();
    const char* src_end = bytes.data() + bytes.size();
    UChar* dst = reinterpret_cast<UChar*>(u16.data());
    UChar* dst_end = dst + u16.size();
    st = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &dst, dst_end, &src, src_end, nullptr, true, &st);
    if (U_FAILURE(st)) {
        // ICU leaves `src` just past the offending bytes; report where they start.
        char bad[32];
        int8_t n = sizeof bad;
        UErrorCode st2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv.get(), bad, &n, &st2);
        std::size_t off = static_cast<std::size_t>(src - bytes.data()) - (U_SUCCESS(st2) ? static_cast<std::size_t>(n) : 0);
        throw Error(source + ": invalid " + encoding + " byte sequence at byte " + offset_str(off));
    }
    u16.resize(static_cast<std::size_t>(dst - reinterpret_cast<UChar*>(u16.data())));
    std::string out;
    out.reserve(u16.size() * 3);
    for (std::size_t i = 0; i < u16.size(); ++i) {
        char32_t c = u16[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 && u16[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
            ++i;
        }
        utf8::append(out, c);
    }
    return out;
}

// ICU's detector is slow and has a fixed cost per call, so it only sees a bounded prefix and only
// for files that are not valid UTF-8. Only the encodings Chinese text really comes in are accepted.
std::optional<std::string> detect_chinese(std::string_view bytes) {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&st));
    if (U_FAILURE(st)) return std::nullopt;
    std::string_view prefix = bytes.substr(0, 64 * 1024);
    ucsdet_setText(det.get(), prefix.data(), static_cast<int32_t>(prefix.size()), &st);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &st);
    if (U_FAILURE(st)) return std::nullopt;
    for (int32_t i = 0; i < n; ++i) {
        std::string name = ucsdet_getName(matches[i], &st);
        if (name == "GB18030" || name == "Big5") return name;
    }
    return std::nullopt;
}

} // namespace

DecodedText decode(std::string_view bytes, const std::string& source, const std::optional<std::string>& forced) {
    if (auto kind = binary_kind(bytes)) throw Error(source + ": binary file (" + *kind + "), not a text bulletin");
    DecodedText out;
    if (forced) {
        out.text = convert_strict(bytes, *forced, source);
        out.encoding = *forced;
    } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        std::string_view body = bytes.substr(3);
        if (auto bad = utf8::first_invalid(body); bad != std::string_view::npos)
            throw Error(source + ": invalid UTF-8 at byte " + offset_str(bad + 3));
        out.text = std::string(body);
        out.encoding = "UTF-8";
    } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        out.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        out.text = convert_strict(bytes.substr(2), out.encoding, source);
    } else if (auto bad = utf8::first_invalid(bytes); bad == std::string_view::npos) {
        out.text = std::string(bytes);
        out.encoding = "UTF-8";
    } else {
        // Many well-formed multi-byte UTF-8 sequences before the first bad byte mean a UTF-8 file
        // with damage (or two encodings mixed), not a legacy-encoded file: report the offset.
        std::size_t multibyte = 0;
        for (std::size_t i = 0; i < bad; ++i)
            if ((static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0) ++multibyte;
        std::optional<std::string> enc = multibyte >= 4 ? std::nullopt : detect_chinese(bytes);
        if (!enc) throw Error(source + ": invalid UTF-8 at byte " + offset_str(bad) +
                              " (not GB18030 or Big5 either; give --encoding if you know it)");
        out.text = convert_strict(bytes, *enc, source);
        out.encoding = *enc;
    }
    if (auto nul = out.text.find('\0'); nul != std::string::npos)
        throw Error(source + ": NUL byte in the text at character offset " + offset_str(nul) + " (binary or damaged file)");
    if (out.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
        throw Error(source + ": empty file (no text)");
    return out;
}

namespace {
char32_t fullwidth_of(char32_t c) {
    switch (c) {
    case ',': return U'，';
    case ';': return U'；';
    case ':': return U'：';
    case '?': return U'？';
    case '!': return U'！';
    case '(': return U'（';
    case ')': return U'）';
    default: return 0;
    }
}
} // namespace

std::string normalise(std::string_view in) {
    // First pass: code points with line ends and widths settled.
    std::vector<char32_t> cps;
    cps.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        char32_t c = utf8::next(in, i);
        if (c == '\r') {
            if (i < in.size() && in[i] == '\n') continue; // CRLF → LF
            c = '\n';
        } else if (c == '\t' || c == '\f' || c == '\v') {
            c = ' ';
        } else if (c == 0xFEFF) {
            continue; // stray BOMs inside pasted text
        } else if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
            c = c - 0xFF10 + U'0';
        } else if (c == 0xFF0E && !cps.empty() && cps.back() >= '0' && cps.back() <= '9') {
            c = '.'; // １．６ → 1.6
        }
        cps.push_back(c);
    }
    auto han_near = [&](std::size_t k) {
        // A Han character before the mark (skipping nothing) or after it (skipping one space).
        if (k > 0 && utf8::is_han(cps[k - 1])) return true;
        std::size_t j = k + 1;
        if (j < cps.size() && cps[j] == ' ') ++j;
        return j < cps.size() && utf8::is_han(cps[j]);
    };
    std::string out;
    out.reserve(in.size());
    std::size_t line_start = 0;
    for (std::size_t k = 0; k < cps.size(); ++k) {
        char32_t c = cps[k];
        if (c == '\n') {
            // Trailing blanks of the line go (ASCII and ideographic spaces).
            while (out.size() > line_start && (out.back() == ' ')) out.pop_back();
            while (out.size() >= line_start + 3 && utf8::ends_with(out, "\u3000")) out.resize(out.size() - 3);
            out += '\n';
            line_start = out.size();
            continue;
        }
        // A full stop typed in ASCII after a Han character (会议.集团…, 对接.11月13日) ends the
        // sentence; not a decimal point (after a digit), an ellipsis (..) or a web address (华远.com).
        if (c == '.' && k > 0 && utf8::is_han(cps[k - 1]) &&
            (k + 1 == cps.size() || !(cps[k + 1] == '.' || (cps[k + 1] < 0x80 && std::isalpha(static_cast<int>(cps[k + 1])))))) {
            out += "。";
            if (k + 1 < cps.size() && cps[k + 1] == ' ') ++k;
            continue;
        }
        if (char32_t fw = fullwidth_of(c); fw && han_near(k)) {
            utf8::append(out, fw);
            // Drop the space that ASCII punctuation habitually carries after it.
            if (k + 1 < cps.size() && cps[k + 1] == ' ' && fw != U'（') ++k;
            continue;
        }
        utf8::append(out, c);
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    if (utf8::ends_with(out, "\u3000")) out.resize(out.size() - 3);
    out += '\n';
    return out;
}

} // namespace jianbao
