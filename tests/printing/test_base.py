

def test_only_characters_a_reader_would_miss_are_reported_with_where_they_are():
    from core.printing.base import missing_glyphs, missing_text, plain, wrap_text

    with missing_glyphs() as found:
        plain("那㟖巷，（全角）　ideographic space\n第二行")  # full-width punctuation and spaces print
        wrap_text("社区\ue000村 e\u0301 \ufe0f \x07", 100, 9)  # a 造字 (private use), a mark, a selector, a control
    assert set(found) == {"㟖", "\ue000"}
    assert found["㟖"] == "那㟖巷，（全角）…" and found["\ue000"] == "社区\ue000村 e\u0301 \ufe0f…"
    assert "「㟖」（U+37D6，见“那㟖巷，（全角）…”）" in missing_text(found)
    with missing_glyphs() as many:
        plain("".join(chr(0x3400 + i) for i in range(12)))
    assert missing_text(many).endswith("等 12 个字") and missing_text(many).count("U+") == 10
    assert missing_text({}) == ""


def test_no_line_of_a_table_cell_begins_with_closing_punctuation_even_two_in_a_row():
    """避头尾: "（R9）。" wrapped at any width keeps ）and 。 off the start of a line."""
    from core.printing.base import text_width, wrap_text

    text = "备案须在竣工验收合格之后，请核对日期（R9）。请补齐所列文件「竣工图」、「验收记录」后再备案归档。"
    for width in range(40, 260, 3):
        lines = wrap_text(text, width, 9).split("\n")
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in "、，。；：？！）」』》】", (width, lines)
        assert all(text_width(line, 9) <= width or len(line) <= 4 for line in lines), (width, lines)
