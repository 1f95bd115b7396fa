import { useId, type ReactNode } from 'react';

/**
 * A notice read as one group named by its title: a verdict or a warning, in words first (the
 * tone's colour only repeats them). `className` adds the caller's own class.
 */
export function TitledNotice({
  tone,
  className,
  title,
  message,
  children,
}: {
  tone: 'success' | 'warning' | 'error';
  className: string;
  title: string;
  message: string;
  children?: ReactNode;
}) {
  const titleId = useId();
  return (
    <div className={`notice notice-${tone} ${className}`} role="group" aria-labelledby={titleId}>
      <p className="notice-title" id={titleId}>
        {title}
      </p>
      <p className="notice-message">{message}</p>
      {children}
    </div>
  );
}
