import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { ReactNode, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { SimpleColumn, SimpleTable } from './SimpleTable';

/** How a `ListCard` asks before it removes a row. */
export interface ListCardRemoval {
  title: string;
  confirmLabel: string;
  /** What removing it does. */
  text: ReactNode;
  remove: () => Promise<void>;
}

/**
 * A card with a polled list as a table: progress until it first loads, an
 * empty state without any row. For those who may manage the list, a button
 * that adds to it and a column of actions on each row, which open the
 * list's editor (`editor`, for a new item or what a row's action gives) or
 * ask before removing the row (`removal`); `onChanged` after either.
 */
export function ListCard<T, E>({
  title,
  subheader,
  value,
  error,
  emptyTitle,
  emptyDescription,
  label,
  columns,
  rowKey,
  canManage,
  newLabel,
  actions,
  editor,
  removal,
  onChanged,
}: {
  title: string;
  subheader: string;
  /** The rows; none until they first load. */
  value?: readonly T[];
  /** Why the last load failed. */
  error?: Error;
  emptyTitle: string;
  emptyDescription: string;
  /** The table's accessible name. */
  label: string;
  columns: SimpleColumn<T>[];
  rowKey: (row: T) => string;
  /** Shows the new button and the actions. */
  canManage: boolean;
  newLabel: string;
  /** The buttons of a row's Actions column. */
  actions: (row: T, act: { edit(item: E): void; remove(): void }) => ReactNode;
  /** The dialog that edits an item, or a new one without any. */
  editor: (
    item: E | undefined,
    done: { onClose(): void; onSaved(): void },
  ) => ReactNode;
  removal: (row: T) => ListCardRemoval;
  /** After an item was saved or a row removed. */
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<{ item?: E }>();
  const [removing, setRemoving] = useState<ListCardRemoval>();

  const newButton = canManage ? (
    <Button
      color="primary"
      variant="contained"
      startIcon={<AddIcon />}
      onClick={() => setEditing({})}
    >
      {newLabel}
    </Button>
  ) : undefined;

  let body;
  if (!value)
    body = error ? <ResponseErrorPanel error={error} /> : <Progress />;
  else if (!value.length)
    body = (
      <EmptyState
        missing="data"
        title={emptyTitle}
        description={emptyDescription}
        action={newButton}
      />
    );
  else
    body = (
      <>
        {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
        <SimpleTable
          label={label}
          columns={
            canManage
              ? [
                  ...columns,
                  {
                    title: 'Actions',
                    value: row =>
                      actions(row, {
                        edit: item => setEditing({ item }),
                        remove: () => setRemoving(removal(row)),
                      }),
                  },
                ]
              : columns
          }
          rows={value}
          rowKey={rowKey}
        />
      </>
    );

  return (
    <InfoCard
      title={title}
      subheader={subheader}
      action={value?.length ? newButton : undefined}
    >
      {body}
      {editing &&
        editor(editing.item, {
          onClose: () => setEditing(undefined),
          onSaved: () => {
            setEditing(undefined);
            onChanged();
          },
        })}
      {removing && (
        <ConfirmDialog
          open
          title={removing.title}
          confirmLabel={removing.confirmLabel}
          onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            await removing.remove();
            onChanged();
          }}
        >
          <Typography>{removing.text}</Typography>
        </ConfirmDialog>
      )}
    </InfoCard>
  );
}
