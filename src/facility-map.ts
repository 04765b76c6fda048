/** Entry for `parsec-widgets/facility-map`: defines `<parsec-facility-map>` only (with its Natural Earth geometry). */
export { ParsecFacilityMap } from './components/facility-map/facility-map';
