// The Web Worker entry: the emulator runs here, off the UI thread, exposed over comlink.
import { expose } from 'comlink';
import { LabHost } from './lab-host';

const host = new LabHost({ pace: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), realTime: () => performance.now() });
expose(host, self);
