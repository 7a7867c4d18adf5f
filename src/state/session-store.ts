/** What the user chose: the store's `session` slice, and its address. */
export { useSession } from './store';
export {
  kneeForProcedure,
  sessionFromUrl,
  sessionToUrl,
  type Lang,
  type Mode,
  type Projection,
  type Session,
  type Sex,
  type Side,
  type ViewKind,
  type Voice,
} from './session-slice';
