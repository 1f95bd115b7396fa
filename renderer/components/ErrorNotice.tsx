import { PermissionDeniedActions } from './PermissionDeniedActions';
import { PlainErrorNotice, type ErrorNoticeProps } from './PlainErrorNotice';

/**
 * A failure from main with its ways out: Retry, and for a missing Entra role on a Graph step (the
 * error names the step's action) another account or a request an admin can act on.
 */
export function ErrorNotice(props: Omit<ErrorNoticeProps, 'actions'>) {
  const { error, retry } = props.failure;
  return (
    <PlainErrorNotice
      {...props}
      actions={
        error.action !== undefined &&
        error.code === 'GRAPH_PERMISSION_DENIED' && (
          <PermissionDeniedActions error={error} action={error.action} retry={retry} />
        )
      }
    />
  );
}
