import { Anchor, Box, Button, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLang } from '../../i18n';
import { exportHref, formatCount, type ExportTable, type StatsParams } from '../../lib/stats';

/**
 * A headline figure that opens the dossiers behind it. For a count the list holds exactly
 * that many dossiers; for a rate or an average the `basis` line names the list it opens
 * (e.g. "of 130 dossiers resolved") and that list holds the basis count.
 */
export function FigureCard({ label, value, to, basis, color = '#1f2937', testId }: { label: string; value: string; to: string; basis?: string; color?: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" component={Link} to={to} className="stats-figure" data-testid={testId} style={{ borderLeft: `6px solid ${color}` }}>
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fw={700} fz={28} lh={1.2} c={color} className="stats-figure-value">
        {value}
      </Text>
      {basis && (
        <Text size="xs" c="dimmed" lh={1.3}>
          {basis}
        </Text>
      )}
    </Paper>
  );
}

/** A count that links to its drill-down list (tables, chart labels). */
export function CountLink({ value, to, label }: { value: number; to: string; label?: string }) {
  const lang = currentLang();
  return (
    <Anchor component={Link} to={to} aria-label={label} style={{ whiteSpace: 'nowrap' }}>
      {formatCount(value, lang)}
    </Anchor>
  );
}

/** A horizontal bar for a share 0–1 (decorative: the number is always written beside it). */
export function MeterBar({ value, color = 'var(--mantine-color-brand-6)', width = 120 }: { value: number | null; color?: string; width?: number | string }) {
  const pct = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <Box className="stats-meter" style={{ width }} aria-hidden>
      <Box className="stats-meter-fill" style={{ width: `${pct}%`, background: color }} />
    </Box>
  );
}

/** Downloads a table as an Excel workbook laid out for filing. */
export function ExcelButton({ params, table, label }: { params: StatsParams; table: ExportTable; label: string }) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={exportHref(params, table)} download variant="outline" size="xs" aria-label={`${t('stats.excel')}: ${label}`}>
      {t('stats.excel')}
    </Button>
  );
}

/** A titled section of the dashboard with an optional action (an Excel button) on the right. */
export function Section({ id, title, action, children, hint }: { id: string; title: string; action?: ReactNode; children: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Box className="stats-section-head">
        <div>
          <Text component="h2" id={id} fw={650} fz="lg" m={0}>
            {title}
          </Text>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {action}
      </Box>
      {children}
    </Paper>
  );
}
