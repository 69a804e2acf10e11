import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { ReactNode } from 'react';

/** The button a list page starts something new with. */
export const AddButton = ({
  onClick,
  children,
}: {
  onClick: () => void;
  children: ReactNode;
}) => (
  <Button
    variant="contained"
    color="primary"
    startIcon={<AddIcon />}
    onClick={onClick}
  >
    {children}
  </Button>
);
