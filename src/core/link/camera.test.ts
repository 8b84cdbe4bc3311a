import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from './index';

const CAMERA = { azimuth: -37.5, elevation: 28, distance: 3.2, target: [0.1, -0.25, 0.3] as const };

function linkWith(cam: string): string {
  return `v=1&s=quadratic&n=20&o=SGD:lr=0.03&cam=${cam}`;
}

describe('3-D camera in links', () => {
  it('round-trips, rounded to 1/1000', () => {
    const decoded = decodeLink(linkWith('-37.5,28,3.2,0.1,-0.25,0.3'));
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.view.camera).toEqual(CAMERA);
    const again = decodeLink(
      encodeLink({
        ...decoded.state,
        view: { ...decoded.state.view, camera: { ...CAMERA, azimuth: -37.50004 } },
      }),
    );
    expect(again.state.view.camera).toEqual(CAMERA);
  });

  it('a link without a camera has none (old links open with the default camera)', () => {
    const decoded = decodeLink('v=1&s=quadratic&n=20&o=SGD:lr=0.03');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.view.camera).toBeUndefined();
    expect(encodeLink(decoded.state)).not.toContain('cam=');
  });

  it('drops a damaged camera with a warning and keeps the rest of the link', () => {
    for (const bad of ['1,2,3', 'a,b,c,d,e,f', '1,2,3,4,5,NaN', '', '1,2,3,4,5,6,7']) {
      const decoded = decodeLink(linkWith(bad));
      expect(decoded.state.view.camera).toBeUndefined();
      expect(decoded.state.scene.steps).toBe(20);
      expect(decoded.warnings).toHaveLength(1);
      expect(decoded.warnings[0]).toMatch(
        /^3-D camera .* is not six numbers .*; the default camera is used$/,
      );
    }
  });

  it('clamps values out of range, naming each', () => {
    const decoded = decodeLink(linkWith('400,95,0,0,0,99'));
    expect(decoded.state.view.camera).toEqual({
      azimuth: 180,
      elevation: 89,
      distance: 0.3,
      target: [0, 0, 4],
    });
    expect(decoded.warnings).toEqual([
      '3-D camera azimuth: 400 is outside [-180, 180]; using 180',
      '3-D camera elevation: 95 is outside [-85, 89]; using 89',
      '3-D camera distance: 0 is outside [0.3, 12]; using 0.3',
      '3-D camera target z: 99 is outside [-4, 4]; using 4',
    ]);
  });
});

describe('3-D layout in links', () => {
  it("round-trips 'instead' and leaves the default (beside) out", () => {
    const instead = decodeLink('v=1&s=quadratic&n=20&o=SGD:lr=0.03&s3=instead');
    expect(instead.warnings).toEqual([]);
    expect(instead.state.view.surface3dLayout).toBe('instead');
    expect(encodeLink(instead.state)).toContain('s3=instead');
    const beside = decodeLink('v=1&s=quadratic&n=20&o=SGD:lr=0.03&s3=beside');
    expect(beside.warnings).toEqual([]);
    expect(beside.state.view.surface3dLayout).toBeUndefined();
    expect(encodeLink(beside.state)).not.toContain('s3=');
  });

  it('reads anything else as beside, with a warning', () => {
    const decoded = decodeLink('v=1&s=quadratic&n=20&o=SGD:lr=0.03&s3=sideways');
    expect(decoded.state.view.surface3dLayout).toBeUndefined();
    expect(decoded.state.scene.steps).toBe(20);
    expect(decoded.warnings).toEqual([
      "3-D layout 'sideways' is not beside or instead; the 3-D view opens beside the map",
    ]);
  });
});
