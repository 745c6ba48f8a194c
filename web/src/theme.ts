import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Deep red with gold accents, as Vietnamese public portals use; shade 6 (buttons, links)
// keeps at least 4.5:1 contrast with white text and on white backgrounds (WCAG AA).
const brand: MantineColorsTuple = ['#fdecec', '#f9d4d4', '#f0a8a8', '#e67a7a', '#dc5454', '#d33b3b', '#b91c1c', '#9b1c1c', '#7f1d1d', '#641414'];
const gold: MantineColorsTuple = ['#fff9e1', '#fff0c2', '#ffe394', '#fdd462', '#f9c73a', '#f2c230', '#d9a514', '#8a6807', '#6e5306', '#4f3b04'];

/** The portal's Mantine theme: calm, readable, government red and gold. */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand, gold },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'always',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    Badge: { defaultProps: { tt: 'none' } },
  },
});

/** Badge colours of the online service levels; both keep over 5:1 contrast on white. */
export const ONLINE_COLOR = { full: '#1e6b34', partial: '#7a5c00' } as const;
