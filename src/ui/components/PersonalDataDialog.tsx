/**
 * The guard against personal data: before free text that looks like a personnummer or
 * samordningsnummer is saved, `confirmFreeText` asks the user in one modal dialog (mounted once, in
 * App). "Ändra texten" is the default and saves nothing; "Spara ändå" saves. Every save path for
 * free text (grid cells, paste, the organisation) calls it.
 */
import { createEffect, createSignal, on, onCleanup, onMount } from 'solid-js';
import { findPersonalNumbers, type PersonalNumberMatch } from '../../domain/personal-data';
import { personalNumberWords } from '../../exchange/personal-data';

interface Question {
  matches: PersonalNumberMatch[];
  answer: (save: boolean) => void;
}

const [question, setQuestion] = createSignal<Question | null>(null);
let dialogsMounted = 0;

/** The numbers found, each once, for the sentence of the dialog: "121212-1212, 701063-2144". */
function numbersText(matches: readonly PersonalNumberMatch[]): string {
  const unique = [...new Set(matches.map((m) => m.text))];
  return unique.length > 5 ? `${unique.slice(0, 5).join(', ')} …` : unique.join(', ');
}

function warningText(matches: readonly PersonalNumberMatch[]): string {
  return `Texten ser ut att innehålla ${personalNumberWords(matches)} (${numbersText(matches)}). Hemmaplan är till för planer, inte för uppgifter om enskilda personer.`;
}

const ADVICE = 'Ta bort numret, eller spara ändå om det inte är ett personnummer.';

/**
 * Whether the texts may be saved: true at once when none looks like a personnummer or
 * samordningsnummer, else the user's answer in the dialog. The dialog opens after the current
 * event (the Enter that ended an edit must not also press its default button).
 */
export function confirmFreeText(texts: readonly string[]): Promise<boolean> {
  const matches = texts.flatMap((text) => findPersonalNumbers(text));
  if (matches.length === 0) return Promise.resolve(true);
  if (dialogsMounted === 0) return Promise.resolve(window.confirm(`${warningText(matches)} ${ADVICE}`));
  return new Promise((resolve) => {
    setTimeout(() => {
      // A question still open (which the modal dialog should prevent) is answered "no".
      question()?.answer(false);
      setQuestion({ matches, answer: resolve });
    });
  });
}

/** Selects the first personnummer in a text field, so that the user can change or delete it at once. */
export function selectPersonalNumber(field: HTMLInputElement | HTMLTextAreaElement): void {
  const [first] = findPersonalNumbers(field.value);
  field.focus();
  if (first) field.setSelectionRange(first.index, first.index + first.text.length);
}

/** The one dialog `confirmFreeText` asks in. Mount it once. */
export function PersonalDataDialog() {
  let dialog!: HTMLDialogElement;
  let changeButton!: HTMLButtonElement;
  let returnFocus: Element | null = null;

  onMount(() => {
    dialogsMounted++;
    onCleanup(() => {
      dialogsMounted--;
      question()?.answer(false);
      setQuestion(null);
    });
  });

  createEffect(
    on(question, (current) => {
      if (!current || dialog.open) return;
      returnFocus = document.activeElement;
      dialog.showModal();
      changeButton.focus();
    }),
  );

  function answer(save: boolean): void {
    const current = question();
    if (!current) return;
    setQuestion(null);
    if (dialog.open) dialog.close();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    returnFocus = null;
    current.answer(save);
  }

  const matches = () => question()?.matches ?? [];

  return (
    <dialog
      ref={dialog}
      class="personal-data-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="personal-data-title"
      aria-describedby="personal-data-text"
      onCancel={(event) => {
        // Escape: the same as "Ändra texten".
        event.preventDefault();
        answer(false);
      }}
    >
      <h2 id="personal-data-title">Ett personnummer i texten?</h2>
      <div id="personal-data-text">
        <p>{warningText(matches())}</p>
        <p>{ADVICE}</p>
      </div>
      <div class="personal-data-dialog__actions">
        <button ref={changeButton} type="button" class="primary" onClick={() => answer(false)}>
          Ändra texten
        </button>
        <button type="button" onClick={() => answer(true)}>
          Spara ändå
        </button>
      </div>
    </dialog>
  );
}
