// Colours derived from an organisation's accent so that whatever it picks, text stays readable
// (WCAG 2.2 AA: 4.5:1 for text, 3:1 for the focus ring): the fill behind button text, the text
// on that fill, and the accent as ink on the page's background.

const WHITE = [255, 255, 255];
const TEXT = [0x1b, 0x1f, 0x2a];
const PAGE = [0xf5, 0xf6, 0xf9];
const AA = 4.5;

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function hex(channels) {
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(channels) {
  const [r, g, b] = channels.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours given as [r, g, b]. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour darkened step by step until it reads at 4.5:1 on the page's background. */
function ink(channels) {
  let c = channels;
  while (contrast(c, PAGE) < AA) c = c.map((v) => Math.floor(v * 0.92));
  return c;
}

/**
 * The custom properties for an accent "#rrggbb": --accent as given (borders, swatches),
 * --accent-ink (links, focus ring), --accent-fill and --on-accent (buttons, the current section).
 */
export function palette(accent) {
  const c = rgb(accent);
  let fill = c;
  let on = WHITE;
  if (contrast(c, WHITE) < AA) {
    if (contrast(c, TEXT) >= AA) on = TEXT;
    else fill = ink(c);
  }
  return {
    '--accent': accent,
    '--accent-ink': hex(ink(c)),
    '--accent-fill': hex(fill),
    '--on-accent': hex(on),
  };
}
