/** The percutaneous bunion operation's steps for each variant and number of burr passes. */
import type { Vec3 } from '../../../anatomy/vec';
import type { BoneFrame } from '../../kit/bone-frame';
import { heldSquare } from '../../kit/tool-paths';
import { eminenceAfter, MAX_PASSES } from '../../foot/burr';
import { bandageUse, shoeUse } from '../../foot/aftercare';
import { m1 } from '../../foot/first-ray';
import { NECK_STATION, neckOsteotomyStep } from '../../foot/neck-osteotomy';
import { wireThenScrew } from '../../kit/fixation';
import type { StepContext, StepDef } from '../../types';
import { type Variant, misWidth } from './skin';
import { MICA_APEX, view, burrPass, micaScrew, IN_HEAD, headLever, micaBurr } from './tools';

/**
 * One step a pass; the last of the full passes leaves nothing of the bump (the burr pulverises it,
 * CLINICAL §1.4). Fewer passes leave what they have not taken, on the head, moving with it.
 */
export function passSteps(passes: number): StepDef[] {
  return Array.from({ length: passes }, (_, i) => {
    const flush = i + 1 === MAX_PASSES;
    return {
      id: `pass-${i + 1}`,
      duration: 3,
      camera: view(110, 0.6),
      fluoro: 'ap' as const,
      cuts: [`pass-${i + 1}`],
      ...(flush ? { removes: [eminenceAfter(i + 1)] } : {}),
      instruments: [burrPass(i + 1, flush)],
    };
  });
}

/** The beaver blade's tip at progress p: down beside the joint, lateral to the shifted head. */
function beaverTip(ctx: StepContext, f: BoneFrame, p: number): Vec3 {
  return ctx.placed('capital', f.at(2, 6 - 10 * p, -misWidth(ctx) / 2 - 2.5));
}

export function steps(variant: Variant, passes: number): StepDef[] {
  const open: StepDef[] = [
    { id: 'anaesthesia', phase: 'open', duration: 3, skin: true, camera: view(170, 1.2) },
    {
      id: 'portals',
      phase: 'open',
      duration: 3,
      skin: true,
      camera: view(130, 0.8),
      instruments: [
        {
          id: 'scalpel',
          kind: 'scalpel',
          // A 3 mm nick just proximal to the bump.
          path: heldSquare(
            m1,
            (ctx, f, p) => f.at(-14 + 3 * p, 0, misWidth(ctx) / 2 + 5),
            'lateral',
            'distal',
          ),
        },
      ],
    },
  ];
  const close: StepDef[] = [
    // Closing steps: an added Akin comes before them, the bandage holds both corrections.
    {
      id: 'bandage',
      phase: 'close',
      duration: 4,
      skin: true,
      camera: view(170, 1.4),
      instruments: [bandageUse('bandage')],
    },
    {
      id: 'shoe',
      phase: 'close',
      duration: 3,
      skin: true,
      camera: view(330, 1.2, -45),
      instruments: [bandageUse('bandage-on'), shoeUse('shoe')],
    },
  ];
  if (variant !== 'mica') {
    return [
      ...open,
      ...passSteps(passes),
      neckOsteotomyStep(variant === 'reverdin', view(110, 0.6)),
      {
        id: 'shift',
        duration: 4,
        fluoro: 'ap',
        camera: view(140, 2.2),
        plays: variant === 'reverdin' ? ['close-wedge', 'shift'] : ['shift'],
        instruments: [headLever(NECK_STATION)],
      },
      {
        id: 'lateral-release',
        duration: 3,
        camera: view(130, 1.4),
        // Freed, the toe comes into line over the shifted head (the surgeon holds it there), and
        // the ray settles at its base: the bones end here, before an added Akin or the bandage.
        plays: ['rebalance', 'settle'],
        instruments: [
          {
            id: 'beaver',
            kind: 'scalpel',
            // Through the dorsolateral portal in the first web space, down beside the joint, lateral
            // to the head where it has been shifted.
            path: heldSquare(m1, beaverTip, 'plantar', 'medial'),
          },
        ],
      },
      ...close,
    ];
  }
  return [
    ...open,
    ...passSteps(passes),
    {
      id: 'chevron',
      duration: 5,
      fluoro: 'lat',
      camera: view(110, 0.6),
      cuts: ['v'],
      instruments: [micaBurr()],
    },
    {
      id: 'shift',
      duration: 4,
      fluoro: 'ap',
      camera: view(140, 2.2),
      plays: ['shift', 'impact'],
      instruments: [headLever(MICA_APEX)],
    },
    {
      id: 'screw-distal',
      duration: 5,
      fluoro: 'lat',
      camera: view(140, 1.2),
      // The head held reduced, the toe coming into line over it (no release: the translation brings
      // the sesamoids back) and the ray settling: the bones end here, before the screws fix them.
      plays: ['rebalance', 'settle'],
      ...wireThenScrew('screw-distal', 'cannulatedScrew', 'capital', micaScrew(true), IN_HEAD),
    },
    {
      id: 'screw-proximal',
      duration: 5,
      fluoro: 'ap',
      camera: view(140, 1.2),
      ...wireThenScrew('screw-proximal', 'cannulatedScrew', 'capital', micaScrew(false), IN_HEAD),
    },
    ...close,
  ];
}
