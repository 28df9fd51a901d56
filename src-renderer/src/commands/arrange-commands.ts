import type { Alignment, DistributeAxis } from '../../../model/edits/arrange'
import type { Command, CommandState } from './registry'

/** Arrange ▸ Align and Distribute (draw.io's Arrange menu). Each is one pure edit, one undo step. */
export interface ArrangeActions {
  align(alignment: Alignment): void
  distribute(axis: DistributeAxis): void
}

export type ArrangeCommandId =
  | 'arrange.align-left'
  | 'arrange.align-center'
  | 'arrange.align-right'
  | 'arrange.align-top'
  | 'arrange.align-middle'
  | 'arrange.align-bottom'
  | 'arrange.distribute-horizontally'
  | 'arrange.distribute-vertically'

// Counted over the whole selection: a flow in it counts but is not arranged, and then the edit may be a
// no-op, which records nothing (model/edits/arrange.ts).
const atLeast =
  (count: number) =>
  (state: CommandState): boolean =>
    state.hasDocument && state.selectionCount >= count

export const ARRANGE_COMMANDS: readonly Command[] = [
  { id: 'arrange.align-left', label: 'Align Left', menu: 'arrange', shortcuts: [], when: atLeast(2), run: (c) => c.arrange.align('left'), undoable: true },
  { id: 'arrange.align-center', label: 'Align Center', menu: 'arrange', shortcuts: [], when: atLeast(2), run: (c) => c.arrange.align('center'), undoable: true },
  { id: 'arrange.align-right', label: 'Align Right', menu: 'arrange', shortcuts: [], when: atLeast(2), run: (c) => c.arrange.align('right'), undoable: true },
  { id: 'arrange.align-top', label: 'Align Top', menu: 'arrange', shortcuts: [], when: atLeast(2), run: (c) => c.arrange.align('top'), undoable: true },
  { id: 'arrange.align-middle', label: 'Align Middle', menu: 'arrange', shortcuts: [], when: atLeast(2), run: (c) => c.arrange.align('middle'), undoable: true },
  { id: 'arrange.align-bottom', label: 'Align Bottom', menu: 'arrange', shortcuts: [], when: atLeast(2), run: (c) => c.arrange.align('bottom'), undoable: true },
  {
    id: 'arrange.distribute-horizontally',
    label: 'Distribute Horizontally',
    menu: 'arrange',
    shortcuts: [],
    when: atLeast(3),
    run: (c) => c.arrange.distribute('horizontal'),
    undoable: true
  },
  {
    id: 'arrange.distribute-vertically',
    label: 'Distribute Vertically',
    menu: 'arrange',
    shortcuts: [],
    when: atLeast(3),
    run: (c) => c.arrange.distribute('vertical'),
    undoable: true
  }
]
