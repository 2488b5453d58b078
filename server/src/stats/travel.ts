/** Mean Earth radius (IUGG), km: the great-circle distance's sphere. */
const EARTH_RADIUS_KM = 6371.0088;

export interface Position {
  lat: number;
  lon: number;
}

/** Great-circle distance between two points, in km (haversine formula). */
export function haversineKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The round trip not made: there and back, the great-circle distance stretched by the road detour factor. */
export function roundTripKm(site: Position, office: Position, roadFactor: number): number {
  return 2 * haversineKm(site, office) * roadFactor;
}
