/** The columns of the Placeringskostnader grid: what it shows and edits, and what its CSV export writes. */
import { computedColumn, enumerationColumn, type GridColumn, linkColumn, longTextColumn, moneyColumn, moneyType, textColumn, yearColumn } from '../grid/columns';
import { pricePerDay } from '../../domain/overview';
import type { PlacementType } from '../../domain/types';
import { PLACEMENT_CATEGORY_LABELS, PLACEMENT_UNIT_LABELS } from '../../exchange/labels';

export function placementTypeColumns(): GridColumn<PlacementType>[] {
  return [
    textColumn<PlacementType>({ field: 'name', header: 'Placeringsform', required: true, pinned: 'left', width: 260 }),
    enumerationColumn<PlacementType, string>({ field: 'unit', header: 'Enhet', labels: PLACEMENT_UNIT_LABELS, width: 100 }),
    moneyColumn<PlacementType>({ field: 'price', header: 'Pris per enhet (kr)', unit: 'kr', width: 160 }),
    yearColumn<PlacementType>({ field: 'priceYear', header: 'Prisår', width: 100 }),
    computedColumn<PlacementType>({ field: 'pricePerDay', header: 'Pris per dygn (kr)', shownAs: moneyType({ unit: 'kr' }), value: pricePerDay, width: 150 }),
    enumerationColumn<PlacementType, string>({ field: 'category', header: 'Målgrupp', labels: PLACEMENT_CATEGORY_LABELS, required: false, width: 140 }),
    textColumn<PlacementType>({ field: 'source', header: 'Källa', width: 260 }),
    linkColumn<PlacementType>({ field: 'sourceUrl', header: 'Källa (länk)', width: 200 }),
    longTextColumn<PlacementType>({ field: 'notes', header: 'Anteckningar', width: 260 }),
  ];
}
