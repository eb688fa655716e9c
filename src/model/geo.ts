// Great-circle distance and flight time: the one definition shared by planner and verifier,
// because formats.md fixes it ("great-circle distance over cruiseKmh").

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

export interface LatLon {
  lat: number;
  lon: number;
}

export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function flightHours(a: LatLon, b: LatLon, cruiseKmh: number): number {
  return greatCircleKm(a, b) / cruiseKmh;
}
