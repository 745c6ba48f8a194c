import { Table } from '@mantine/core';

/** One column of a table's header row: its heading and, when not left, its alignment. */
export interface TableColumn {
  label: string;
  /** As the column's cells: numbers right, small counts centred. */
  align?: 'right' | 'center';
}

/**
 * A table's header row: one `<th scope="col">` per column, in order, so that screen readers
 * announce each cell with its column's heading.
 */
export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={c.label} scope="col" ta={c.align}>
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
