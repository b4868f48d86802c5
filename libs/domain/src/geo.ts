import type { School } from './model';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two schools, or undefined where either has no location. */
export function distanceKm(a: School, b: School): number | undefined {
  if (a.lat === undefined || a.lng === undefined || b.lat === undefined || b.lng === undefined)
    return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether a move between two schools respects `max_distance_km`. Schools without coordinates can't be
 * measured, so the rule can't forbid the move. The optimizer asks with a margin (see
 * PLANNING_DISTANCE_MARGIN) so a planned move stays valid under any reasonable Earth model.
 */
export function withinDistance(a: School, b: School, maxKm: number, margin = 0): boolean {
  const km = distanceKm(a, b);
  return km === undefined || km <= maxKm * (1 - margin);
}

/** Spherical and WGS84-ellipsoid distances differ by under 0.5%; planning keeps that much clear. */
export const PLANNING_DISTANCE_MARGIN = 0.005;
