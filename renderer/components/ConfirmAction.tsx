import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

import { Busy } from './Busy';

/**
 * How the asking and confirming buttons look. `danger`, for what removes or replaces something:
 * the asking button stays neutral (it is never the strongest thing on the page) and only the
 * yes, once asked, is red. Otherwise the yes is the primary colour, and `secondary` makes the
 * asking button plain beside a more likely action.
 */
export type ConfirmTone = 'primary' | 'secondary' | 'danger';

const TRIGGER_CLASS: Record<ConfirmTone, string> = {
  primary: 'button button-primary',
  secondary: 'button',
  danger: 'button',
};

const CONFIRM_CLASS: Record<ConfirmTone, string> = {
  primary: 'button button-primary',
  secondary: 'button button-primary',
  danger: 'button button-danger',
};

interface ConfirmActionProps {
  /** The button that asks first, e.g. "Apply this change…". */
  trigger: string;
  /** The question, e.g. "Change the user mapping in Entra?". */
  question: string;
  /** What saying yes does. */
  children: ReactNode;
  confirm: string;
  cancel: string;
  disabled: boolean;
  onConfirm: () => void;
  /** Defaults to `primary`. */
  tone?: ConfirmTone;
  /**
   * Given (even as null), the question stays on screen after yes, so what it says stays in view,
   * and shows this label while the action runs; the caller's next screen replaces it, and a failed
   * action leaves it open to try again or cancel. Without it, yes closes the question.
   */
  progress?: string | null;
}

/**
 * An action behind an explicit confirmation in the page (never window.confirm): a button, then a
 * question that takes focus, then yes or cancel.
 */
export function ConfirmAction(props: ConfirmActionProps) {
  const { trigger, question, children, confirm, cancel, disabled, onConfirm } = props;
  const { tone = 'primary', progress } = props;
  const [confirming, setConfirming] = useState(false);
  const title = useRef<HTMLParagraphElement>(null);
  const id = useId();
  // The question replaces the button that had focus; move focus to it.
  useEffect(() => {
    if (confirming) title.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <button
        type="button"
        className={TRIGGER_CLASS[tone]}
        onClick={() => setConfirming(true)}
        disabled={disabled}
      >
        {trigger}
      </button>
    );
  }
  return (
    <div
      className={tone === 'danger' ? 'confirm confirm-danger' : 'confirm'}
      role="group"
      aria-labelledby={id}
      aria-busy={progress === undefined ? undefined : progress !== null}
    >
      <p id={id} className="notice-title" ref={title} tabIndex={-1}>
        {question}
      </p>
      {children}
      <div className="actions">
        <button
          type="button"
          // Once asked, yes is the question's main action, even after a secondary trigger.
          className={CONFIRM_CLASS[tone]}
          disabled={disabled}
          onClick={() => {
            if (progress === undefined) setConfirming(false);
            onConfirm();
          }}
        >
          {confirm}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(false)}>
          {cancel}
        </button>
        {progress && <Busy label={progress} />}
      </div>
    </div>
  );
}
