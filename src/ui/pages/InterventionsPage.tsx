import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../context';
import { DataGrid } from '../grid/DataGrid';
import {
  enumerationColumn,
  integerColumn,
  linkColumn,
  listColumn,
  longTextColumn,
  moneyColumn,
  textColumn,
  safeUrl,
} from '../grid/columns';
import type { Intervention, InterventionStatus, NeedsAssessment, TargetGroup } from '../../domain/types';
import { FORMAT_LABELS, NEEDS_ASSESSMENT_LABELS, STATUS_LABELS, TARGET_GROUP_LABELS } from '../../exchange/labels';
import { listCallbacks, withValues } from './editing';

/** Insatser & metoder: the catalogue as a spreadsheet, with filters and a panel for the selected row. */
export function InterventionsPage() {
  const app = useApp();
  const all = () => app.current()!.document.interventions;
  const [targetGroup, setTargetGroup] = createSignal<TargetGroup | ''>('');
  const [status, setStatus] = createSignal<InterventionStatus | ''>('');
  const [assessment, setAssessment] = createSignal<NeedsAssessment | ''>('');
  const [selectedId, setSelectedId] = createSignal<string>();

  const rows = createMemo(() =>
    all().filter(
      (i) =>
        (targetGroup() === '' || i.targetGroups?.includes(targetGroup() as TargetGroup)) &&
        (status() === '' || i.status === status()) &&
        (assessment() === '' || i.needsAssessment === assessment()),
    ),
  );
  const selected = createMemo(() => all().find((i) => i.id === selectedId()));

  const columns = createMemo(() => [
    textColumn<Intervention>({ field: 'name', header: 'Namn', required: true, pinned: 'left', width: 240 }),
    textColumn<Intervention>({ field: 'shortName', header: 'Kortnamn', width: 120 }),
    textColumn<Intervention>({ field: 'category', header: 'Kategori', width: 170 }),
    listColumn<Intervention, TargetGroup>({ field: 'targetGroups', header: 'Målgrupp', labels: TARGET_GROUP_LABELS, width: 170 }),
    integerColumn<Intervention>({ field: 'ageMin', header: 'Ålder från', required: false, min: 0, max: 120, width: 110 }),
    integerColumn<Intervention>({ field: 'ageMax', header: 'Ålder till', required: false, min: 0, max: 120, width: 110 }),
    textColumn<Intervention>({ field: 'unit', header: 'Enhet', width: 160 }),
    enumerationColumn<Intervention, string>({ field: 'format', header: 'Form', labels: FORMAT_LABELS, required: false, width: 120 }),
    textColumn<Intervention>({ field: 'scope', header: 'Omfattning', width: 200 }),
    enumerationColumn<Intervention, string>({ field: 'needsAssessment', header: 'Behovsprövning', labels: NEEDS_ASSESSMENT_LABELS, required: false, width: 190 }),
    enumerationColumn<Intervention, string>({ field: 'status', header: 'Status', labels: STATUS_LABELS, width: 120 }),
    integerColumn<Intervention>({ field: 'trainedStaff', header: 'Utbildad personal', required: false, min: 0, width: 150 }),
    moneyColumn<Intervention>({ field: 'unitCost', header: `Styckkostnad (${app.amountUnit()})`, unit: app.amountUnit(), required: false, width: 150 }),
    textColumn<Intervention>({ field: 'unitCostUnit', header: 'Kostnad per', width: 120 }),
    textColumn<Intervention>({ field: 'theory', header: 'Teori', width: 200 }),
    linkColumn<Intervention>({ field: 'evidenceUrl', header: 'Kunskapsstöd (länk)', width: 220 }),
    longTextColumn<Intervention>({ field: 'description', header: 'Beskrivning', width: 260 }),
    longTextColumn<Intervention>({ field: 'notes', header: 'Anteckningar', width: 200 }),
    listColumn<Intervention, string>({ field: 'tags', header: 'Taggar', width: 180 }),
  ]);

  const callbacks = listCallbacks(app, 'interventions', {
    newName: 'Ny insats',
    create: (id, values) => withValues<Intervention>({ id, name: 'Ny insats', status: 'offered' }, values),
    merge: (item, values) => withValues(item, values),
  });

  return (
    <>
      <h1>Insatser &amp; metoder</h1>
      <p class="lead">
        Det som verksamheten erbjuder eller planerar. Redigera som i ett kalkylblad: skriv i en cell, Enter sparar, Esc ångrar
        skrivandet, Ctrl+Z ångrar en sparad ändring. Klistra in rader från Excel med Ctrl+V.
      </p>
      <div class="filters" role="group" aria-label="Filter för insatser">
        <FilterSelect label="Målgrupp" value={targetGroup()} onChange={setTargetGroup} labels={TARGET_GROUP_LABELS} />
        <FilterSelect label="Status" value={status()} onChange={setStatus} labels={STATUS_LABELS} />
        <FilterSelect label="Behovsprövning" value={assessment()} onChange={setAssessment} labels={NEEDS_ASSESSMENT_LABELS} />
        <p class="filter-count" role="status" data-testid="intervention-count">
          {rows().length} av {all().length} insatser
        </p>
      </div>
      <div class="master-detail">
        <DataGrid<Intervention>
          ariaLabel="Insatser och metoder"
          rows={rows}
          getRowId={(row) => row.id}
          columns={columns()}
          onSelectionChanged={(ids) => setSelectedId(ids[0])}
          height="32rem"
          {...callbacks}
        />
        <aside class="detail-panel" aria-label="Vald insats">
          <Show when={selected()} fallback={<p class="muted">Välj en rad för att läsa hela beskrivningen.</p>}>
            {(intervention) => (
              <>
                <h2>{intervention().name}</h2>
                <Show when={intervention().description}>
                  <p class="prose">{intervention().description}</p>
                </Show>
                <dl class="facts">
                  <Show when={intervention().theory}>
                    <dt>Teori</dt>
                    <dd>{intervention().theory}</dd>
                  </Show>
                  <Show when={intervention().scope}>
                    <dt>Omfattning</dt>
                    <dd>{intervention().scope}</dd>
                  </Show>
                  <Show when={intervention().notes}>
                    <dt>Anteckningar</dt>
                    <dd class="prose">{intervention().notes}</dd>
                  </Show>
                </dl>
                <Show when={safeUrl(intervention().evidenceUrl ?? '')}>
                  {(url) => (
                    <p>
                      <a href={url().href} target="_blank" rel="noopener noreferrer">
                        Läs om metoden hos kunskapskällan (öppnas i ny flik)
                      </a>
                    </p>
                  )}
                </Show>
              </>
            )}
          </Show>
        </aside>
      </div>
    </>
  );
}

function FilterSelect<C extends string>(props: { label: string; value: C | ''; onChange: (value: C | '') => void; labels: Readonly<Record<C, string>> }) {
  const id = `filter-${props.label.toLowerCase().replace(/[^a-z]/g, '')}`;
  return (
    <label class="field" for={id}>
      <span>{props.label}</span>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as C | '')}>
        <option value="">Alla</option>
        <For each={Object.entries(props.labels) as [C, string][]}>{([code, label]) => <option value={code}>{label}</option>}</For>
      </select>
    </label>
  );
}
