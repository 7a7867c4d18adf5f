import {
  AddEquation,
  BufferAttribute,
  BufferGeometry,
  Color,
  CustomBlending,
  DoubleSide,
  HalfFloatType,
  MaxEquation,
  Mesh,
  NearestFilter,
  OneFactor,
  OrthographicCamera,
  Scene,
  ShaderMaterial,
  UnsignedByteType,
  Vector2,
  Vector4,
  WebGLRenderTarget,
  type Line,
  type Material,
  type Object3D,
  type Points,
  type Sprite,
  type WebGLRenderer,
} from 'three';
import type { Region } from '../../anatomy/types';
import { INSTRUMENT_MATERIAL_XRAY, type XrayDensity } from '../../engine/instruments';
import { compositeFragment, compositeVertex, thicknessFragment, thicknessVertex } from './shaders';
import { FIELD_RADIUS, XRAY_DISTANCE, xrayFrustum, type Cover, type XrayCamera } from './xray-camera';

/** Linear attenuation of bone, per mm: lower for the knee, taken at a higher tube voltage. */
const MU_BONE: Record<Region, number> = { foot: 0.07, knee: 0.022 };
/** Linear attenuation of soft tissue, per mm. */
const MU_SOFT = 0.02;
/** The round field's radius (a fraction of the view's shorter side) that puts its edge off the view. */
const NO_FIELD_EDGE = 100;

/**
 * Depth either side of the centre the 8-bit fallback can encode, as a fraction of the field's
 * diameter (its step is 2 × this / 255: ~1.2 mm on the foot).
 */
const HALF_SPAN = 0.9;

/** Soft tissue: drawn faint in the X-ray even while the 3D view hides it. */
const SOFT_PARTS = new Set(['skinFoot', 'skinKnee']);

/** Instrument materials by name (`instrument:<material>`): each shows as its density says. */
const INSTRUMENT_CATEGORY: Readonly<Record<string, XrayDensity>> = Object.fromEntries(
  Object.entries(INSTRUMENT_MATERIAL_XRAY).map(([material, density]) => [`instrument:${material}`, density]),
);

const isDrawable = (o: Object3D): boolean =>
  Boolean((o as Line).isLine || (o as Points).isPoints || (o as Sprite).isSprite);

function thicknessMaterial(pack8: boolean, thick: Vector4, count: Vector4): ShaderMaterial {
  return new ShaderMaterial({
    name: 'xray:thickness',
    vertexShader: thicknessVertex,
    fragmentShader: thicknessFragment,
    defines: pack8 ? { PACK8: '' } : {},
    uniforms: {
      uRefDepth: { value: XRAY_DISTANCE },
      uThick: { value: thick },
      uCount: { value: count },
      uHalfSpan: { value: 1 },
    },
    side: DoubleSide,
    depthTest: false,
    depthWrite: false,
    blending: CustomBlending,
    blendEquation: pack8 ? MaxEquation : AddEquation,
    blendSrc: OneFactor,
    blendDst: OneFactor,
  });
}

/**
 * The fluoroscopy image of a scene: a thickness pass into an offscreen target (bone, metal and soft
 * tissue in separate channels), then one full-screen pass that turns thickness into brightness
 * inside the intensifier's round field. Owns its camera, target and materials; nothing is
 * allocated per frame.
 */
export class XrayPipeline {
  readonly camera = new OrthographicCamera(-1, 1, 1, -1, 1, 2 * XRAY_DISTANCE);
  private readonly pack8: boolean;
  private readonly target: WebGLRenderTarget;
  private readonly materials: Record<XrayDensity, ShaderMaterial>;
  private readonly composite: ShaderMaterial;
  private readonly quad: Mesh;
  private readonly quadScene = new Scene();
  private readonly size = new Vector2();
  private readonly clearColor = new Color();
  private fieldMm = 100;
  private round = true;
  /** The rows of the view its controls cover, CSS pixels (a standing film is drawn between them). */
  cover: Cover = { top: 0, bottom: 0 };
  /** The viewport, field and cover the camera's frustum was last fitted to (0 × 0: not yet). */
  private readonly fitted = {
    width: 0,
    height: 0,
    fieldMm: 0,
    round: true,
    cover: this.cover,
    ratio: 1,
    mmPerPx: 1,
  };
  // Swapped for one pass and put back: reused arrays, refilled each frame.
  private readonly swapped: Mesh[] = [];
  private readonly originals: (Material | Material[])[] = [];
  private readonly hidden: Object3D[] = [];
  private readonly revealed: Object3D[] = [];

  constructor(gl: WebGLRenderer) {
    const float =
      gl.extensions.has('EXT_color_buffer_float') || gl.extensions.has('EXT_color_buffer_half_float');
    this.pack8 = !float;
    this.target = new WebGLRenderTarget(1, 1, {
      type: float ? HalfFloatType : UnsignedByteType,
      depthBuffer: false,
      minFilter: NearestFilter,
      magFilter: NearestFilter,
      generateMipmaps: false,
    });
    const p = this.pack8;
    this.materials = {
      bone: thicknessMaterial(p, new Vector4(1, p ? 1 : 0, 0, 0), new Vector4(0, 0, 0, 0)),
      metal: thicknessMaterial(
        p,
        new Vector4(0, 0, 0, 0),
        p ? new Vector4(0, 0, 1, 0) : new Vector4(0, 1, 0, 0),
      ),
      soft: thicknessMaterial(p, new Vector4(0, 0, p ? 0 : 1, 0), new Vector4(0, 0, 0, p ? 1 : 0)),
    };
    this.composite = new ShaderMaterial({
      name: 'xray:composite',
      vertexShader: compositeVertex,
      fragmentShader: compositeFragment,
      defines: p ? { PACK8: '' } : {},
      uniforms: {
        tThick: { value: this.target.texture },
        uSize: { value: new Vector2(1, 1) },
        uMmPerPx: { value: 1 },
        uMuBone: { value: MU_BONE.foot },
        uMuSoft: { value: MU_SOFT },
        uRadius: { value: FIELD_RADIUS },
        uHalfSpan: { value: 1 },
      },
      depthTest: false,
      depthWrite: false,
    });
    const triangle = new BufferGeometry();
    triangle.setAttribute(
      'position',
      new BufferAttribute(new Float32Array([-1, -1, 0, 3, -1, 0, -1, 3, 0]), 3),
    );
    this.quad = new Mesh(triangle, this.composite);
    this.quad.frustumCulled = false;
    this.quadScene.add(this.quad);
  }

  /** The size of a drawing-buffer pixel in the beam's plane, mm, as last drawn. */
  get mmPerPx(): number {
    return this.fitted.mmPerPx;
  }

  /** Points the C-arm: where it looks, which way is up, how wide the field is; and the region's bone. */
  aim(region: Region, view: XrayCamera): void {
    this.camera.position.fromArray(view.position);
    this.camera.up.fromArray(view.up);
    this.camera.lookAt(view.target[0], view.target[1], view.target[2]);
    this.camera.updateMatrixWorld();
    this.fieldMm = view.fieldMm;
    this.round = view.round;
    // A film has no round field: its edge lies far outside the view.
    this.composite.uniforms.uRadius!.value = view.round ? FIELD_RADIUS : NO_FIELD_EDGE;
    // The model's skin covers the operated part only: on a standing film its ends would show as a
    // sleeve on the limb, so the film shows the bones alone.
    this.composite.uniforms.uMuSoft!.value = view.round ? MU_SOFT : 0;
    const halfSpan = HALF_SPAN * view.fieldMm;
    this.composite.uniforms.uMuBone!.value = MU_BONE[region];
    this.composite.uniforms.uHalfSpan!.value = halfSpan;
    for (const m of Object.values(this.materials)) m.uniforms.uHalfSpan!.value = halfSpan;
  }

  /** Draws the scene's X-ray image to the canvas. */
  render(gl: WebGLRenderer, scene: Scene): void {
    gl.getDrawingBufferSize(this.size);
    const w = Math.max(1, Math.floor(this.size.x));
    const h = Math.max(1, Math.floor(this.size.y));
    if (this.target.width !== w || this.target.height !== h) this.target.setSize(w, h);
    const cam = this.camera;
    const fit = this.fitted;
    const ratio = gl.getPixelRatio();
    const { cover, fieldMm, round } = this;
    const same =
      fit.width === w &&
      fit.height === h &&
      fit.fieldMm === fieldMm &&
      fit.round === round &&
      fit.cover === cover &&
      fit.ratio === ratio;
    if (!same) {
      const rows = { top: cover.top * ratio, bottom: cover.bottom * ratio };
      const { halfWidth, top, bottom, mmPerPx } = xrayFrustum(w, h, fieldMm, round, rows);
      cam.left = -halfWidth;
      cam.right = halfWidth;
      cam.top = top;
      cam.bottom = bottom;
      cam.updateProjectionMatrix();
      Object.assign(fit, { width: w, height: h, fieldMm, round, cover, ratio, mmPerPx });
    }

    this.swap(scene, false);
    gl.getClearColor(this.clearColor);
    const clearAlpha = gl.getClearAlpha();
    const previous = gl.getRenderTarget();
    gl.setClearColor(0x000000, 0);
    gl.setRenderTarget(this.target);
    try {
      gl.render(scene, cam);
    } finally {
      this.restore();
      gl.setRenderTarget(previous);
      gl.setClearColor(this.clearColor, clearAlpha);
    }

    const u = this.composite.uniforms;
    (u.uSize!.value as Vector2).set(w, h);
    u.uMmPerPx!.value = fit.mmPerPx;
    gl.render(this.quadScene, cam);
  }

  /** Gives every drawn mesh its thickness material; hides overlays and anything not a mesh. */
  private swap(parent: Object3D, instrument: boolean): void {
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.name.startsWith('overlay:')) {
        if (child.visible) this.hide(child);
        continue;
      }
      const soft = SOFT_PARTS.has(child.name);
      if (!child.visible) {
        if (!soft) continue;
        child.visible = true;
        this.revealed.push(child);
      }
      const inInstrument = instrument || child.name.startsWith('instrument:');
      if ((child as Mesh).isMesh) {
        const mesh = child as Mesh;
        this.swapped.push(mesh);
        this.originals.push(mesh.material);
        mesh.material = this.materials[this.category(mesh, inInstrument, soft)];
      } else if (isDrawable(child)) {
        this.hide(child);
        continue;
      }
      this.swap(child, inInstrument);
    }
  }

  private category(mesh: Mesh, instrument: boolean, soft: boolean): XrayDensity {
    if (soft) return 'soft';
    if (!instrument) return 'bone';
    const m = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
    return INSTRUMENT_CATEGORY[m?.name ?? ''] ?? 'metal';
  }

  private hide(o: Object3D): void {
    o.visible = false;
    this.hidden.push(o);
  }

  private restore(): void {
    for (let i = 0; i < this.swapped.length; i++) this.swapped[i]!.material = this.originals[i]!;
    for (const o of this.hidden) o.visible = true;
    for (const o of this.revealed) o.visible = false;
    this.swapped.length = 0;
    this.originals.length = 0;
    this.hidden.length = 0;
    this.revealed.length = 0;
  }

  dispose(): void {
    this.target.dispose();
    for (const m of Object.values(this.materials)) m.dispose();
    this.composite.dispose();
    this.quad.geometry.dispose();
  }
}
