"""Text contrast as WCAG 2 measures it, and a palette whose text and hints keep at least 4.5:1."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TEXT_CONTRAST = 4.5


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def over(colour: QColor, ground: QColor) -> QColor:
    """The opaque colour a translucent one shows on its ground (Qt draws hint text as half-transparent text)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(alpha * c + (1 - alpha) * g for c, g in zip(colour.getRgbF()[:3], ground.getRgbF()[:3])))


def contrast(a: QColor, b: QColor) -> float:
    """Of a text colour ``a`` on an opaque ground ``b``."""
    high, low = sorted((luminance(over(a, b)), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _darkened_until_readable(colour: QColor, against: QColor) -> QColor:
    # Darker on a light ground, lighter on a dark one, in small steps so the hue stays recognisable.
    darker = luminance(against) > 0.18
    colour = over(colour, against)
    while contrast(colour, against) < TEXT_CONTRAST:
        colour = colour.darker(108) if darker else colour.lighter(108)
        if colour in (QColor("#000000"), QColor("#ffffff")):
            break
    return colour


def readable_palette(palette: QPalette) -> QPalette:
    """The style's palette with the selection and the hint text darkened just enough to read."""
    role = QPalette.ColorRole
    palette = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        highlight = palette.color(group, role.Highlight)
        text = palette.color(group, role.HighlightedText)
        palette.setColor(group, role.Highlight, _darkened_until_readable(highlight, text))
        hint = palette.color(group, role.PlaceholderText)
        palette.setColor(group, role.PlaceholderText, _darkened_until_readable(hint, palette.color(group, role.Base)))
    return palette
