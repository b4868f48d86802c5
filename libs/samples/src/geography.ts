/** Flat-earth offsets: good to well under 1% across a prefecture, which is all sample data needs. */

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LNG_AT_EQUATOR = 111.32;

export interface Point {
  lat: number;
  lng: number;
}

/** The point `eastKm` east and `northKm` north of `origin`, rounded to about 1 m. */
export function offsetKm(origin: Point, eastKm: number, northKm: number): Point {
  const lat = origin.lat + northKm / KM_PER_DEGREE_LAT;
  const lng = origin.lng + eastKm / (KM_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((origin.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
}

/** Offset (east, north) in km of the i-th cell of a hexagonal spiral: 1 centre, then rings of 6, 12, … */
export function hexSpiralOffset(index: number, spacingKm: number): { east: number; north: number } {
  // Axial hex directions; ring k starts k steps out along direction 4 and walks k steps along each side.
  const directions = [
    [1, 0],
    [1, -1],
    [0, -1],
    [-1, 0],
    [-1, 1],
    [0, 1],
  ];
  let q = 0;
  let r = 0;
  let remaining = index;
  for (let ring = 1; remaining > 0; ring++) {
    if (remaining > 6 * ring) {
      remaining -= 6 * ring;
      continue;
    }
    q = directions[4][0] * ring;
    r = directions[4][1] * ring;
    let steps = remaining - 1;
    for (let side = 0; side < 6 && steps > 0; side++) {
      for (let s = 0; s < ring && steps > 0; s++, steps--) {
        q += directions[side][0];
        r += directions[side][1];
      }
    }
    remaining = 0;
  }
  return { east: spacingKm * (q + r / 2), north: spacingKm * r * (Math.sqrt(3) / 2) };
}
