import {
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  type EventObject,
  type ExecutableActionObject,
  initialTransition,
  transition,
} from "xstate";

/**
 * XState's pure `transition` and `initialTransition`, without their construction cost.
 *
 * Each call of XState's own builds an inert actor to stand as `self`, and an actor's constructor computes the
 * machine's initial snapshot at once (entry actions, context factory) only to throw it away: in a replay of the
 * bench's lifecycle that was a third of the machine's CPU per transition (~93 → ~60 µs; issue 18). Here the inert
 * actor and its scope are made once per machine and reused; what is collected per call (the actions to execute) is
 * the call's own. The transitions are synchronous, so two calls never share a collection.
 *
 * XState builds a fresh actor system per call so that children registered by one call (an invoked or spawned actor
 * with a `systemId`) cannot collide with the next's. Here a step from a snapshot with children goes through XState's
 * own `transition`, a scope whose step made children, registered anything or threw is dropped with its system (a
 * system is shared only by steps that registered nothing in it), and a machine whose inert actor has children from
 * its construction is left to XState's own functions altogether.
 */
interface Scope {
  scope: AnyActorScope;
  collected: ExecutableActionObject[];
}

const scopes = new WeakMap<AnyStateMachine, Scope>();
/** Machines whose inert actor has children at once (spawned on entry): their steps go through XState's own. */
const xstateOnly = new WeakSet<AnyStateMachine>();

function scopeOf(machine: AnyStateMachine): Scope | undefined {
  if (xstateOnly.has(machine)) return undefined;
  let found = scopes.get(machine);
  if (!found) {
    const self = createActor(machine);
    // Its constructor's initial snapshot registered its children in `self.system`: a step that spawns them again
    // there would collide (XState gives each call a fresh system for that).
    if (hasChildren(self.getSnapshot())) {
      xstateOnly.add(machine);
      return undefined;
    }
    const made: Scope = {
      collected: [],
      scope: {
        self,
        id: "",
        sessionId: "",
        logger: () => {},
        defer: () => {},
        emit: () => {},
        stopChild: () => {},
        system: self.system,
        actionExecutor: (action) => {
          made.collected.push(action);
        },
      },
    };
    scopes.set(machine, made);
    found = made;
  }
  return found;
}

const hasChildren = (snapshot: AnyMachineSnapshot): boolean => Object.keys(snapshot.children).length > 0;

function collecting(
  machine: AnyStateMachine,
  step: (scope: AnyActorScope) => AnyMachineSnapshot,
  xstates: () => [AnyMachineSnapshot, ExecutableActionObject[]],
): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const found = scopeOf(machine);
  if (!found) return xstates();
  found.collected = [];
  let next: AnyMachineSnapshot | undefined;
  try {
    next = step(found.scope);
  } finally {
    // A step that threw, made children, or left anything registered in the system (a child spawned and stopped in
    // one step: the inert scope never runs the stop) does not share its system with the next step.
    if (!next || hasChildren(next) || Object.keys(found.scope.system.getAll()).length > 0) scopes.delete(machine);
  }
  const actions = found.collected;
  found.collected = [];
  return [next, actions];
}

/** `transition(machine, snapshot, event)`: the next snapshot and the actions to execute, executing nothing. */
export function machineStep(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: EventObject,
): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const xstates = () => transition(machine, snapshot, event);
  if (hasChildren(snapshot)) return xstates();
  return collecting(machine, (scope) => machine.transition(snapshot, event, scope), xstates);
}

/** `initialTransition(machine, input)`: the first snapshot and its actions, executing nothing. */
export function machineStart(machine: AnyStateMachine, input: unknown): [AnyMachineSnapshot, ExecutableActionObject[]] {
  return collecting(
    machine,
    (scope) => machine.getInitialSnapshot(scope, input),
    () => initialTransition(machine, input),
  );
}
