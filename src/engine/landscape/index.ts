export { contourSegments, logLevels, type Segment } from './contours';
export { filterNormalizedDirection, filtersOf, normalizeFilters } from './filters';
export { computeLandscape, type Landscape, type LandscapeAxis, rangesFor, trainingLoss } from './landscape';
export { trainPath } from './path';
export { coordinatesOf, type Plane, type PlaneKind, type PlaneOptions, planeFor, pointOn } from './plane';
export { principalDirections } from './principal';
