import { lazyComponent } from '../lazy/lazy-component';
import { useConnectMenu } from './state';

const ConnectMenuCode = lazyComponent(
  'the list of ports',
  () => import('./ConnectMenu').then((m) => m.ConnectMenu),
  {
    quiet: true,
  },
);

/** Connecting by keyboard: the list of ports that fit, loaded the first time a port opens it. */
export function ConnectMenu() {
  const open = useConnectMenu((s) => s.open !== null);
  return open ? <ConnectMenuCode /> : null;
}
