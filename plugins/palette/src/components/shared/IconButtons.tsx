import IconButton from '@material-ui/core/IconButton';
import { SvgIconProps } from '@material-ui/core/SvgIcon';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { ComponentType } from 'react';

interface IconActionProps {
  /** The button's accessible name. */
  label: string;
  onClick: () => void;
  disabled?: boolean;
}

const smallIconButton =
  (Icon: ComponentType<SvgIconProps>) =>
  ({ label, onClick, disabled }: IconActionProps) =>
    (
      <IconButton
        size="small"
        aria-label={label}
        onClick={onClick}
        disabled={disabled}
      >
        <Icon fontSize="small" />
      </IconButton>
    );

/** A small pencil button, e.g. to edit a table row. */
export const EditIconButton = smallIconButton(EditIcon);

/** A small bin button, to delete or remove something. */
export const DeleteIconButton = smallIconButton(DeleteIcon);
