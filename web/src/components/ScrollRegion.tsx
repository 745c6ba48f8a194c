import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A horizontally scrollable box for wide tables. It is focusable and named, so keyboard
 * users can scroll it and screen readers announce what it holds.
 */
export function ScrollRegion({ labelledBy, children, visibleFrom }: { labelledBy: string; children: ReactNode; visibleFrom?: 'sm' }) {
  return (
    <Box className="table-scroll" role="region" tabIndex={0} aria-labelledby={labelledBy} {...(visibleFrom ? { visibleFrom } : {})}>
      {children}
    </Box>
  );
}
