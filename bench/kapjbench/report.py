"""Tables as fixed-width text (terminal) and as markdown."""


def text_table(header, rows):
    widths = [len(h) for h in header]
    for r in rows:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))
    out = []

    def line(cells):
        parts = []
        for i, c in enumerate(cells):
            parts.append(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]))
        return "  ".join(parts).rstrip()

    out.append(line(header))
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append(line(r))
    return "\n".join(out)


def md_table(header, rows):
    def esc(c):
        return c.replace("|", "\\|")

    out = ["| " + " | ".join(esc(h) for h in header) + " |",
           "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    for r in rows:
        out.append("| " + " | ".join(esc(c) for c in r) + " |")
    return "\n".join(out)


def fmt_ms(ms):
    if ms is None:
        return "—"
    if ms < 10:
        return f"{ms:.2f}"
    if ms < 100:
        return f"{ms:.1f}"
    return f"{ms:,.0f}"


def fmt_ratio(r):
    if r is None:
        return "—"
    if r < 10:
        return f"{r:.2f}×"
    return f"{r:,.0f}×" if r >= 100 else f"{r:.1f}×"


def fmt_mb(kb):
    if kb is None:
        return "—"
    return f"{kb * 1024 / 1e6:.1f}"
