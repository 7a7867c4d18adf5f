/**
 * GLSL of the X-ray view. The thickness pass sums, per pixel, +view depth at back faces and −view
 * depth at front faces of closed meshes: the chord length the ray runs through them. Depths are
 * taken relative to the image centre's depth so half floats keep sub-millimetre precision.
 *
 * Float target channels: R bone (mm), G metal (surfaces crossed), B soft tissue (mm).
 * 8-bit fallback (MAX blending, no signed sums): R bone's farthest back face, G one minus its
 * nearest front face (both encoded over ±uHalfSpan), B metal flag, A soft-tissue flag; the bone's
 * thickness is then its extent along the ray, gaps between overlapping bones included.
 */

export const thicknessVertex = /* glsl */ `
uniform float uRefDepth;
varying float vDepth;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  vDepth = -mv.z - uRefDepth;
  gl_Position = projectionMatrix * mv;
}
`;

export const thicknessFragment = /* glsl */ `
uniform vec4 uThick;
uniform vec4 uCount;
uniform float uHalfSpan;
varying float vDepth;
void main() {
#ifdef PACK8
  float e = clamp((vDepth + uHalfSpan) / (2.0 * uHalfSpan), 1.0 / 255.0, 254.0 / 255.0);
  vec4 depth = gl_FrontFacing ? vec4(0.0, 1.0 - e, 0.0, 0.0) : vec4(e, 0.0, 0.0, 0.0);
  gl_FragColor = depth * uThick + uCount;
#else
  float signedDepth = gl_FrontFacing ? -vDepth : vDepth;
  gl_FragColor = uThick * signedDepth + uCount;
#endif
}
`;

export const compositeVertex = /* glsl */ `
void main() {
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

export const compositeFragment = /* glsl */ `
uniform sampler2D tThick;
uniform vec2 uSize;
uniform float uMmPerPx;
uniform float uMuBone;
uniform float uMuSoft;
uniform float uRadius;
uniform float uHalfSpan;

// Bone (mm), metal (> 0.5 where any), soft tissue (mm) under a pixel.
vec3 sampleAt(vec2 px) {
  vec4 v = texture2D(tThick, px / uSize);
#ifdef PACK8
  float bone = v.r > 0.0 && v.g > 0.0 ? max(v.r + v.g - 1.0, 0.0) * 2.0 * uHalfSpan : 0.0;
  return vec3(bone, v.b, v.a * 30.0);
#else
  return vec3(max(v.r, 0.0), v.g, max(v.b, 0.0));
#endif
}

float hash(vec2 p) {
  p = fract(p * vec2(123.34, 456.21));
  p += dot(p, p + 45.32);
  return fract(p.x * p.y);
}

void main() {
  vec2 px = gl_FragCoord.xy;
  vec3 c = sampleAt(px);
  float gx = sampleAt(px + vec2(1.0, 0.0)).x - sampleAt(px - vec2(1.0, 0.0)).x;
  float gy = sampleAt(px + vec2(0.0, 1.0)).x - sampleAt(px - vec2(0.0, 1.0)).x;
  float change = length(vec2(gx, gy));
#ifdef PACK8
  // One step of the 8-bit depth code is no edge: it would draw contour lines.
  change = max(change - 1.5 * (2.0 * uHalfSpan / 255.0), 0.0);
#endif
  // Thickness changes fastest where the ray grazes the bone's shell: there the cortex shows bright.
  float slope = change / (2.0 * uMmPerPx);
  float bone = 0.72 * (1.0 - exp(-uMuBone * c.x));
  float cortex = c.x > 0.0 ? 0.16 * smoothstep(0.7, 4.0, slope) : 0.0;
  float soft = 0.08 * (1.0 - exp(-uMuSoft * c.z));
  // Bone stays below the metal's near-white however thick it is.
  float level = 0.045 + soft + (1.0 - soft) * min(bone + cortex, 0.8);
  level = mix(level, 0.96, step(0.5, c.y));
  float radius = uRadius * min(uSize.x, uSize.y);
  float r = length(px - 0.5 * uSize) / radius;
  level *= 1.0 - 0.3 * r * r;
  level += (hash(floor(px)) - 0.5) * 0.045;
  level *= 1.0 - smoothstep(1.0 - 3.0 / radius, 1.0, r);
  gl_FragColor = vec4(vec3(clamp(level, 0.0, 1.0)), 1.0);
}
`;
