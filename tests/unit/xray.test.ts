import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../src/scene/camera-views';
import {
  FIELD_MM,
  FIELD_RADIUS,
  STANDING_FILM,
  XRAY_DISTANCE,
  xrayCamera,
  xrayCentre,
  MIN_FILM_SHARE,
  xrayFrustum,
  type XrayCamera,
} from '../../src/scene/xray/xray-camera';
import { cArmPlacement } from '../../src/scene/xray/c-arm';
import { REST_LANDMARKS } from '../../src/engine/rest-landmarks';
import { decodeUrl } from '../../src/state/url-codec';
import { sessionFromUrl, sessionToUrl } from '../../src/state/session-slice';

type Vec3 = readonly [number, number, number];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
/** Where a world point lands on the monitor, mm from the centre: [right, up]. */
const onScreen = (c: XrayCamera, p: Vec3): [number, number] => {
  const d: Vec3 = [p[0] - c.target[0], p[1] - c.target[1], p[2] - c.target[2]];
  return [dot(d, cross(c.look, c.up)), dot(d, c.up)];
};

describe('C-arm camera', () => {
  it('foot AP (dorsoplantar) looks down from above, toes up the screen, big toe on the left', () => {
    const c = xrayCamera('foot', 'ap', 'right', 1, [0, 0, 0]);
    expect(c.look).toEqual([0, -1, 0]);
    expect(c.position[1]).toBeCloseTo(XRAY_DISTANCE);
    // +Z distal is up; +X medial is on the viewer's left, as on a right foot's DP radiograph.
    expect(onScreen(c, [0, 0, 50])[1]).toBeGreaterThan(0);
    expect(onScreen(c, [30, 0, 0])[0]).toBeLessThan(0);
  });

  it('foot lateral looks from the lateral side (−X) towards +X, dorsum up', () => {
    const c = xrayCamera('foot', 'lat', 'right', 1, [0, 0, 0]);
    expect(c.look).toEqual([1, 0, 0]);
    expect(c.position[0]).toBeCloseTo(-XRAY_DISTANCE);
    expect(c.up).toEqual([0, 1, 0]);
  });

  it('knee AP looks from the front (+Z) towards −Z; lateral from −X', () => {
    const ap = xrayCamera('knee', 'ap', 'right', 1, [0, 0, 0]);
    expect(ap.look).toEqual([0, 0, -1]);
    expect(ap.position[2]).toBeCloseTo(XRAY_DISTANCE);
    // A right knee seen from the front: medial (+X) on the viewer's right.
    expect(onScreen(ap, [30, 0, 0])[0]).toBeGreaterThan(0);
    const lat = xrayCamera('knee', 'lat', 'right', 1, [0, 0, 0]);
    expect(lat.look).toEqual([1, 0, 0]);
    expect(lat.position[0]).toBeCloseTo(-XRAY_DISTANCE);
  });

  it('the left side is the right one mirrored: lateral views come from +X, images flip', () => {
    for (const region of ['foot', 'knee'] as const) {
      const right = xrayCamera(region, 'lat', 'right', 1, [10, 20, 30]);
      const left = xrayCamera(region, 'lat', 'left', 1, [10, 20, 30]);
      expect(left.look[0]).toBe(-right.look[0]);
      expect(left.target).toEqual([-10, 20, 30]);
      expect(left.position[0]).toBeCloseTo(-10 + XRAY_DISTANCE);
      // A medial point of each side lands on opposite halves of the AP image.
      const apR = xrayCamera(region, 'ap', 'right', 1, [0, 0, 0]);
      const apL = xrayCamera(region, 'ap', 'left', 1, [0, 0, 0]);
      expect(Math.sign(onScreen(apR, [30, 0, 0])[0])).toBe(-Math.sign(onScreen(apL, [-30, 0, 0])[0]));
    }
  });

  it('AP and lateral differ for every region and side; the camera always looks at the target', () => {
    for (const region of ['foot', 'knee'] as const)
      for (const side of ['right', 'left'] as const) {
        const ap = xrayCamera(region, 'ap', side, 1, [5, 6, 7]);
        const lat = xrayCamera(region, 'lat', side, 1, [5, 6, 7]);
        expect(Math.abs(dot(ap.look, lat.look))).toBeLessThan(1e-9);
        for (const c of [ap, lat]) {
          expect(Math.abs(dot(c.look, c.up))).toBeLessThan(1e-9);
          const toTarget: Vec3 = [
            c.target[0] - c.position[0],
            c.target[1] - c.position[1],
            c.target[2] - c.position[2],
          ];
          expect(dot(toTarget, c.look)).toBeCloseTo(XRAY_DISTANCE);
        }
      }
  });

  it('scales the centre and the field with the patient (a woman is smaller)', () => {
    const c = xrayCamera('foot', 'ap', 'right', 0.9, [10, 20, 30]);
    expect(c.target[0]).toBeCloseTo(9);
    expect(c.target[2]).toBeCloseTo(27);
    expect(c.fieldMm).toBeCloseTo(FIELD_MM.foot * 0.9);
  });
});

describe('image centre and field', () => {
  it('centres on the step camera target when a procedure is open, else on the default view', () => {
    expect(xrayCentre('foot', [1, 2, 3])).toEqual([1, 2, 3]);
    expect(xrayCentre('foot')).toEqual(DEFAULT_VIEW.foot.target);
    expect(xrayCentre('knee', undefined)).toEqual(DEFAULT_VIEW.knee.target);
  });

  it('fits the round field to the shorter side of the viewport', () => {
    const f = xrayFrustum(800, 400, 170);
    expect(f.mmPerPx * FIELD_RADIUS * 400 * 2).toBeCloseTo(170);
    expect(f.top).toBeCloseTo(200 * f.mmPerPx);
    expect(f.bottom).toBeCloseTo(-f.top);
    expect(f.halfWidth / f.top).toBeCloseTo(2);
    // The controls do not move or shrink a round field.
    expect(xrayFrustum(800, 400, 170, true, { top: 100, bottom: 80 })).toEqual(f);
    expect(xrayFrustum(300, 600, 170).mmPerPx).toBeCloseTo(170 / 2 / (FIELD_RADIUS * 300));
  });

  it('shows a standing film whole: heel to big toe, hip to ankle, filling the view’s height', () => {
    const lm = REST_LANDMARKS;
    const knee = STANDING_FILM.knee;
    // The long leg: from above the femoral head to below the talus, centred between them.
    expect(knee.heightMm).toBeGreaterThan(lm.knee.femur!.hipCentre![1] - lm.knee.talus!.ankleCentre![1] + 60);
    expect(knee.centre[1]).toBeCloseTo((lm.knee.femur!.hipCentre![1] + lm.knee.talus!.ankleCentre![1]) / 2);
    const foot = STANDING_FILM.foot;
    expect(foot.heightMm).toBeGreaterThan(
      lm.foot.distalPhalanx1!.head![2] - lm.foot.calcaneus!.centre![2] + 40,
    );
    for (const region of ['foot', 'knee'] as const) {
      // The step's target does not move it: the whole limb stays on the film.
      expect(xrayCentre(region, [1, 2, 3], 'standing')).toEqual(STANDING_FILM[region].centre);
      const c = xrayCamera(region, 'standing', 'right', 0.9, STANDING_FILM[region].centre);
      expect(c.round).toBe(false);
      expect(c.fieldMm).toBeCloseTo(STANDING_FILM[region].heightMm * 0.9);
      expect(xrayCamera(region, 'ap', 'right', 1, [0, 0, 0]).round).toBe(true);
    }
    // Fitted to the height, whatever the width: a landscape view shows the film's sides too.
    const f = xrayFrustum(1200, 600, 960, false);
    expect(f.top - f.bottom).toBeCloseTo(960);
    expect(f.top).toBeCloseTo(480);
    expect(f.halfWidth * 2).toBeCloseTo(1920);
  });

  it('draws a standing film between the controls: its height in the rows they leave, centred there', () => {
    // 720 rows, 110 under the corner controls, 130 under the caption: the film spans the 480 between.
    const f = xrayFrustum(920, 720, 960, false, { top: 110, bottom: 130 });
    expect(f.mmPerPx).toBeCloseTo(960 / 480);
    // The film's centre (the target) is 110 + 240 rows down: its top edge at row 110, its bottom at 590.
    expect(f.top / f.mmPerPx).toBeCloseTo(350);
    expect(-f.bottom / f.mmPerPx).toBeCloseTo(370);
    expect(f.top - 480).toBeCloseTo(110 * f.mmPerPx);
    expect(-f.bottom - 480).toBeCloseTo(130 * f.mmPerPx);
    // Controls over more than 70 % of the height (a phone held sideways): both covers shrink alike,
    // and the film keeps its least share of the view.
    const phone = xrayFrustum(800, 360, 960, false, { top: 150, bottom: 120 });
    expect(phone.mmPerPx).toBeCloseTo(960 / (360 * MIN_FILM_SHARE));
    // The covers shrink by the same factor: the top one to 150 × 234 / 270 rows.
    const top = (150 * (360 * (1 - MIN_FILM_SHARE))) / 270;
    expect(phone.top / phone.mmPerPx).toBeCloseTo(top + (360 * MIN_FILM_SHARE) / 2);
    expect((phone.top - phone.bottom) / phone.mmPerPx).toBeCloseTo(360);
  });
});

describe('view and projection in the URL', () => {
  it('reads view and proj, defaulting to the 3D view and AP', () => {
    expect(decodeUrl('?view=xray&proj=lat')).toEqual({ values: { view: 'xray', proj: 'lat' }, notices: [] });
    const s = sessionFromUrl('', '');
    expect([s.view, s.proj]).toEqual(['3d', 'ap']);
  });

  it('rejects bad values with a notice and uses the defaults', () => {
    const { values, notices } = decodeUrl('?view=ct&proj=oblique');
    expect(values).toEqual({ view: '3d', proj: 'ap' });
    expect(notices.map((n) => `${n.param}:${n.kind}:${n.used}`)).toEqual([
      'view:invalid:3d',
      'proj:invalid:ap',
    ]);
  });

  it('a session in the X-ray view round-trips, with a procedure too; defaults stay out of the URL', () => {
    const s = sessionFromUrl('?p=chevron&step=10&view=xray&proj=lat', '');
    expect(s).toMatchObject({ procedure: 'chevron', view: 'xray', proj: 'lat' });
    expect(sessionToUrl(s, 10)).toBe('?p=chevron&view=xray&proj=lat&lang=en&step=10');
    expect(sessionFromUrl(sessionToUrl(s, 10), '')).toEqual(s);
    expect(sessionToUrl(sessionFromUrl('?p=chevron&view=3d&proj=ap', ''))).toBe('?p=chevron&lang=en');
  });
});

describe('the C-arm drawn in the 3D view', () => {
  it('tube and intensifier face each other across the centre on the beam; the C beside the line of sight', () => {
    const cases = [
      ['foot', 'ap', [10, 20, 30], [150, 140, 60]],
      ['knee', 'ap', [0, -20, 10], [-180, 60, 200]],
      ['knee', 'lat', [0, -20, 10], [0, -20, 300]],
    ] as const;
    for (const [region, proj, centre, eye] of cases) {
      const c = cArmPlacement(region, proj, centre, eye);
      const beam = xrayCamera(region, proj, 'right', 1, centre).look;
      expect(c.beam).toEqual(beam);
      const toSource: Vec3 = [c.source[0] - centre[0], c.source[1] - centre[1], c.source[2] - centre[2]];
      const toImage: Vec3 = [
        c.intensifier[0] - centre[0],
        c.intensifier[1] - centre[1],
        c.intensifier[2] - centre[2],
      ];
      expect(dot(toSource, beam)).toBeCloseTo(-c.radius, 9);
      expect(dot(toImage, beam)).toBeCloseTo(c.radius, 9);
      expect(c.fieldMm).toBe(FIELD_MM[region]);
      const sight: Vec3 = [centre[0] - eye[0], centre[1] - eye[1], centre[2] - eye[2]];
      expect(dot(c.back, beam)).toBeCloseTo(0, 9);
      expect(dot(c.back, sight)).toBeCloseTo(0, 9);
      expect(dot(c.back, c.back)).toBeCloseTo(1, 9);
    }
  });
});
