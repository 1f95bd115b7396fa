import type { ReactNode } from 'react';

interface CredentialFieldProps {
  id: string;
  label: string;
  value: string;
  /** Buttons beside the value (Copy, Reveal). */
  actions: ReactNode;
  hint: ReactNode;
  /**
   * Shown whole, wrapping over lines (the Tenant URL: its ?aadOptscim062020 end must stay in
   * sight), instead of one line that scrolls.
   */
  wrap?: boolean;
  /** Shown under the hint: progress and errors of the actions. */
  children?: ReactNode;
}

/** One value Entra asks for, read-only so it is copied rather than retyped. */
export function CredentialField({
  id,
  label,
  value,
  actions,
  hint,
  wrap = false,
  children,
}: CredentialFieldProps) {
  const common = {
    id,
    readOnly: true,
    spellCheck: false,
    value,
    'aria-describedby': `${id}-hint`,
  };
  return (
    <div className="field credential">
      <label htmlFor={id}>{label}</label>
      <div className="credential-row">
        {wrap ? (
          <textarea {...common} rows={2} className="mono credential-value wrap" />
        ) : (
          <input {...common} type="text" className="mono credential-value" />
        )}
        {actions}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {children}
    </div>
  );
}
