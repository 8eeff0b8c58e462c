//! Tests for decoding and the sanitizer: each escape family, each control rule, and properties.

use super::*;
use proptest::prelude::*;

#[test]
fn decode_plain_utf8() {
    let d = decode("Café".as_bytes());
    assert_eq!(d.text, "Café");
    assert_eq!(d.replacements, 0);
    assert_eq!(d.encoding, Encoding::Utf8);
}

#[test]
fn decode_strips_utf8_bom() {
    let d = decode(b"\xEF\xBB\xBFHello");
    assert_eq!(d.text, "Hello");
    assert_eq!(d.replacements, 0);
}

#[test]
fn decode_counts_invalid_utf8() {
    let d = decode(b"Price \xA3100 and \xFF\xFE!");
    assert_eq!(d.text, "Price \u{FFFD}100 and \u{FFFD}\u{FFFD}!");
    assert_eq!(d.replacements, 3);
    let truncated = decode(b"end \xE2\x82");
    assert_eq!(truncated.text, "end \u{FFFD}");
    assert_eq!(truncated.replacements, 1);
}

#[test]
fn decode_utf16_le_and_be() {
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in "Hé €".encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    for (bytes, enc) in [(le, Encoding::Utf16Le), (be, Encoding::Utf16Be)] {
        let d = decode(&bytes);
        assert_eq!(d.text, "Hé €");
        assert_eq!(d.encoding, enc);
        assert_eq!(d.replacements, 0);
    }
}

#[test]
fn decode_utf16_replaces_lone_surrogate_and_odd_byte() {
    let d = decode(&[0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0, b'C']);
    assert_eq!(d.text, "A\u{FFFD}B\u{FFFD}");
    assert_eq!(d.replacements, 2);
}

#[test]
fn csi_removed_whole() {
    assert_eq!(sanitize("a\x1b[1;31mred\x1b[0m b"), "ared b");
    assert_eq!(sanitize("x\x1b[?25ly"), "xy");
    assert_eq!(sanitize("x\u{9B}2Jy"), "xy");
}

#[test]
fn osc_removed_with_bel_or_st() {
    assert_eq!(sanitize("a\x1b]0;title\x07b"), "ab");
    assert_eq!(
        sanitize("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
        "alinkb"
    );
    assert_eq!(sanitize("a\u{9D}0;t\u{9C}b"), "ab");
}

#[test]
fn dcs_apc_pm_sos_removed_to_st() {
    for intro in [
        "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\u{90}", "\u{9F}", "\u{9E}", "\u{98}",
    ] {
        let input = format!("a{intro}payload\x07still\x1b\\b");
        assert_eq!(sanitize(&input), "ab", "introducer {intro:?}");
    }
}

#[test]
fn unterminated_sequences_drop_to_end() {
    for input in [
        "ok\x1b]0;never ends",
        "ok\x1bPq#0",
        "ok\x1b_x",
        "ok\u{9D}x",
        "ok\x1b[12;",
        "ok\x1b",
    ] {
        assert_eq!(sanitize(input), "ok", "input {input:?}");
    }
    assert_eq!(sanitize("ok\x1b("), "ok");
}

#[test]
fn short_escapes_removed() {
    assert_eq!(sanitize("a\x1bcb"), "ab");
    assert_eq!(sanitize("a\x1b(Bb"), "ab");
    assert_eq!(sanitize("a\x1b7b\x1b8"), "ab");
    assert_eq!(sanitize("a\x1b\x1b[mb"), "ab");
}

#[test]
fn malformed_csi_does_not_swallow_text() {
    assert_eq!(sanitize("a\x1b[12\nnext"), "a\nnext");
    assert_eq!(sanitize("a\x1b[1é"), "aé");
}

#[test]
fn controls_dropped_newline_kept() {
    assert_eq!(sanitize("a\x00b\x07c\x08d\x7fe\u{85}f\nG"), "abcdef\nG");
}

#[test]
fn line_endings_normalised() {
    assert_eq!(sanitize("a\r\nb\rc\n\rd"), "a\nb\nc\n\nd");
    assert_eq!(sanitize("a\u{2028}b"), "a\nb");
}

#[test]
fn tabs_expand_to_next_stop() {
    assert_eq!(TAB_WIDTH, 4);
    assert_eq!(sanitize("\tx"), "    x");
    assert_eq!(sanitize("ab\tx"), "ab  x");
    assert_eq!(sanitize("abcd\tx\n\ty"), "abcd    x\n    y");
}

#[test]
fn bidi_soft_hyphen_and_bom_removed() {
    assert_eq!(sanitize("a\u{202E}b\u{202A}c\u{2066}d\u{2069}e"), "abcde");
    assert_eq!(sanitize("co\u{AD}operate\u{FEFF}!"), "cooperate!");
}

#[test]
fn ordinary_text_untouched() {
    let text = "Zelenskyy said: «ça va» — 東京 🙂\n\nNext paragraph.";
    assert_eq!(sanitize(text), text);
}

#[test]
fn zero_width_and_invisible_operators_removed() {
    assert_eq!(
        sanitize("a\u{200B}b\u{200E}c\u{2060}d\u{2064}e\u{61C}f\u{200F}g"),
        "abcdefg"
    );
    // Joiners are text: emoji sequences and Persian words keep them.
    let kept = "👨\u{200D}👩\u{200D}👧 رئیس\u{200C}جمهور";
    assert_eq!(sanitize(kept), kept);
    assert_eq!(sanitize("a\u{2029}b"), "a\nb");
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || crate::text::is_invisible(c)
}

/// Strings rich in the characters the sanitizer cares about.
fn tricky_string() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            Just("\x1b".to_string()),
            Just("\x1b[".to_string()),
            Just("\x1b]".to_string()),
            Just("\x1b\\".to_string()),
            Just("\u{9B}".to_string()),
            Just("\u{9C}".to_string()),
            Just("\r".to_string()),
            Just("\t".to_string()),
            Just("\x07".to_string()),
            Just("\u{2028}".to_string()),
            Just("\u{200B}".to_string()),
            Just("\u{2063}".to_string()),
            Just("\u{61C}".to_string()),
            Just("\u{FEFF}".to_string()),
            "[a-z ;0-9]{0,4}",
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn output_is_safe(s in tricky_string()) {
        let out = sanitize(&s);
        prop_assert!(!out.chars().any(is_unsafe), "unsafe char in {:?}", out);
    }

    #[test]
    fn sanitize_is_idempotent(s in tricky_string()) {
        let once = sanitize(&s);
        prop_assert_eq!(sanitize(&once), once);
    }

    #[test]
    fn any_input_gives_safe_idempotent_output(s in any::<String>()) {
        let once = sanitize(&s);
        prop_assert!(!once.chars().any(is_unsafe), "unsafe char in {:?}", once);
        prop_assert_eq!(sanitize(&once), once);
    }

    #[test]
    fn safe_text_passes_unchanged(s in any::<String>()) {
        let safe: String = s.chars().filter(|&c| !is_unsafe(c) && c != '\n').collect();
        let with_lines = safe.replace('a', "a\n");
        prop_assert_eq!(sanitize(&with_lines), with_lines);
    }

    #[test]
    fn decode_matches_std_lossy(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let d = decode(&bytes);
        if d.encoding == Encoding::Utf8 && !bytes.starts_with(b"\xEF\xBB\xBF") {
            let lossy = String::from_utf8_lossy(&bytes);
            let valid_fffd = bytes.utf8_chunks().map(|c| c.valid().matches(char::REPLACEMENT_CHARACTER).count()).sum::<usize>();
            prop_assert_eq!(&d.text, &lossy);
            prop_assert_eq!(d.replacements + valid_fffd, lossy.matches(char::REPLACEMENT_CHARACTER).count());
        }
    }
}

mod legacy {
    use crate::text::{decode, Encoding};

    #[test]
    fn a_few_latin1_bytes_are_read_as_windows_1252() {
        let d = decode(b"Fee: \xa315.8m for the caf\xe9 owner, said the report in full.");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.replacements, 0);
        assert!(
            d.text.contains("£15.8m") && d.text.contains("café"),
            "{}",
            d.text
        );
    }

    #[test]
    fn utf8_with_one_damaged_byte_stays_utf8_with_a_replacement() {
        let d = decode(
            "Zürich \u{2014} "
                .as_bytes()
                .iter()
                .chain(b"bad \xff byte here")
                .copied()
                .collect::<Vec<u8>>()
                .as_slice(),
        );
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.replacements, 1);
    }

    #[test]
    fn dense_legacy_text_is_not_guessed() {
        let cyrillic = encoding_rs::WINDOWS_1251
            .encode("Новости дня и недели")
            .0
            .into_owned();
        assert_eq!(decode(&cyrillic).encoding, Encoding::Utf8);
    }
}
