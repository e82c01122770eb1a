import { resetServerClock } from "./clock";

/** Before the run: the server's clock is the real one. */
export default function globalSetup() {
  resetServerClock();
}
