import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useSession } from '../../store';
import { FIT_OPTIONS } from '../actions/flow';

const selectFitRequest = (s: { fitRequest: number }) => s.fitRequest;

/** Fits the view when asked to, once every node has been measured (a freshly opened example is not yet). */
export function FitOnRequest() {
  const request = useSession(selectFitRequest);
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(0);
  useEffect(() => {
    if (request === done.current || !initialized) return;
    done.current = request;
    void fitView(FIT_OPTIONS);
  }, [request, initialized, fitView]);
  return null;
}
