const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/onnx-DIH1L3xM.js","assets/rolldown-runtime-XKyaHtl9.js","assets/index-X9p5a7hN.js","assets/index-CWvn89U2.css","assets/numpy-B8RyYMx0.js","assets/parse-formula-0exwNXIq.js"])))=>i.map(i=>d[i]);
import{a as e,c as t,d as n,f as r,i,l as a,m as o,o as s,p as c,r as l,s as u,t as d,u as f}from"./numpy-B8RyYMx0.js";import{B as p,Ft as m,H as h,gn as g,hn as _,it as v,jt as y,kt as b,ln as x,mn as S,sn as C,zt as w}from"./index-X9p5a7hN.js";import{t as T}from"./pictures-CRXNOQgC.js";function E(e){return e^C(`shuffle`)|0}var D=`class _Xoroshiro128Plus:
    """pure-rand's xoroshiro128+ on 32-bit halves (src/engine/rng.ts: createRng)."""

    M = 0xFFFFFFFF

    def __init__(self, seed):
        m = self.M
        self.s01, self.s00, self.s11, self.s10 = m, ~seed & m, seed & m, 0

    def next(self):
        m = self.M
        s00, s01, s10, s11 = self.s00, self.s01, self.s10, self.s11
        out = (s00 + s10) & m
        a0 = s10 ^ s00
        a1 = s11 ^ s01
        self.s00 = ((s00 << 24) & m) ^ (s01 >> 8) ^ a0 ^ ((a0 << 16) & m)
        self.s01 = ((s01 << 24) & m) ^ (s00 >> 8) ^ a1 ^ (((a1 << 16) & m) | (a0 >> 16))
        self.s10 = ((a1 << 5) & m) ^ (a0 >> 27)
        self.s11 = ((a0 << 5) & m) ^ (a1 >> 27)
        return out

    def uniform(self):
        """pure-rand's uniformFloat64: 53 random bits in [0, 1)."""
        hi = self.next() & 0x3FFFFFF
        lo = self.next() & 0x7FFFFFF
        return hi * 1.4901161193847656e-08 + lo * 1.1102230246251565e-16

    def shuffle(self, a):
        """Fisher-Yates in place, as the engine's Rng.shuffle."""
        for i in range(len(a) - 1, 0, -1):
            j = math.floor(self.uniform() * (i + 1))
            a[i], a[j] = a[j], a[i]


def batch_rows(count, batch_size, shuffle, seed):
    """The training rows of each step's batch, as the engine's BatchLoader hands them out: an epoch
    visits every row once (in a new seeded order when shuffling); its last batch may be smaller."""
    rng = _Xoroshiro128Plus(seed)
    order = list(range(count))
    if shuffle:
        rng.shuffle(order)
    size = min(batch_size, count)
    cursor = 0
    while True:
        k = min(size, count - cursor)
        yield order[cursor:cursor + k]
        cursor += k
        if cursor >= count:
            cursor = 0
            if shuffle:
                rng.shuffle(order)`;function O(l,d={}){let p=new i,h=t(l,p),v=l.optimizer,y=l.losses.map(e=>({node:e,port:`loss`})),b=v&&{kind:v.kind,label:l.graph.nodes.find(e=>e.id===v.node)?.label||v.node};f([...a(l,y),...b?[b]:[]],`torch`,e=>e.role===`optimizer`?e.torchOptimizer!==void 0:e.torch!==void 0);let x=s(l,`torch`,y,p,h),C=l.data,w=m(l),T=d.name??`Neurograph graph`,O=r(d.name),k=[],A=(...e)=>k.push(...e);if(A(`#!/usr/bin/env python3`,`# ${S(`“${T}”`)}, exported from Neurograph to PyTorch.`,`#`,"# Trains the network exactly as `neurograph train --steps N --json` does: the same initial",`# parameters, training data, batch order, losses and optimizer, in float64. Prints one JSON line,`,`#   {"step": N, "loss": <the last batch's loss, before its update>, "parameters": {...}}`,`# with one number per one-number parameter and a list otherwise (a dense W row by row).`,`#`,`# Usage: python3 ${O} [--steps N]    (needs only PyTorch)`,`import argparse`,`import json`,`import math`,``,`import torch`,``,`torch.set_default_dtype(torch.float64)`,``),C){let e=C.table;A(``,n(`data`),`# The training split of the dataset “${S(e.name)}”: ${e.train.count} examples, one row each.`,`X = torch.tensor(${_(e.train.x,`    `)}, dtype=torch.float64).reshape(${e.train.count}, ${e.nFeatures})`,`Y = torch.tensor(${_(e.train.y,`    `)}, dtype=torch.float64).reshape(${e.train.count}, ${e.nTargets})`,`BATCH_SIZE = ${e.batchSize}`,`SHUFFLE = ${e.shuffle?`True`:`False`}`,`# The seed of the engine’s batch loader: the graph’s seed xor a hash of "shuffle".`,`SHUFFLE_SEED = ${E(l.seed)}`,``,``,D,``)}A(``,n(`parameters`),`# Initial values as the engine draws them; flat like θ (a dense W is units × inputs, row-major).`);for(let t of l.blocks){let n=w.subarray(t.offset,t.offset+t.size);A(`# ${e(l,t.key)}`,`${h.get(t.key)} = torch.tensor(${_(n,`    `)}, dtype=torch.float64, requires_grad=True)`)}A("# By label, as `neurograph train` names them.",`PARAMETERS = {${l.blocks.map(e=>`${g(e.label)}: ${h.get(e.key)}`).join(`, `)}}`,``);let j=[C?`n = x.shape[0]`:`n = 1`,...x.lines,`# L: the sum over the trained losses of their mean over the batch.`,x.roots.length>0?`L = ${x.roots.map(e=>`${e}.mean()`).join(` + `)}`:`L = torch.zeros(())`,`return L`],M=[...x.definitions,...x.lines].some(e=>e.includes(`CLOCK`)),N=[...o(`torch`,[...x.definitions,...j].join(`
`)),...x.definitions];A(``,n(`network`)),M&&A(`# The training step being run: step t draws the engine’s random numbers of step t.`,`CLOCK = {"step": 0}`);for(let e of N)A(``,e,``);return A(``,`def forward(${C?`x, y`:`x=None, y=None`}):`,`    """The loss L on one batch${C?` (features x, targets y)`:``}, node by node in the engine's order."""`,...u(j),``),A(``,n(`training`)),v&&A(`def make_optimizer():`,`    return ${v.kind.torchOptimizer(v.params,`list(PARAMETERS.values())`)}`,``),A(``,`def train(steps):`,'    """Runs `steps` training steps; returns the last batch loss, measured before its update."""',v&&l.blocks.length>0?`    optimizer = make_optimizer()`:`    optimizer = None`,...C?[`    batches = batch_rows(X.shape[0], BATCH_SIZE, SHUFFLE, SHUFFLE_SEED)`]:[],`    loss = float('nan')`,M?`    for step in range(steps):`:`    for _ in range(steps):`,...M?[`        CLOCK["step"] = step`]:[],...C?[`        rows = next(batches)`,`        L = forward(X[rows], Y[rows])`]:[`        L = forward()`],`        loss = L.item()`,`        for p in PARAMETERS.values():`,`            p.grad = None`,`        if L.requires_grad:`,`            L.backward()`,`        if optimizer is not None:`,`            # A parameter the loss does not reach has gradient 0 (the optimizer still steps it).`,`            for p in PARAMETERS.values():`,`                if p.grad is None:`,`                    p.grad = torch.zeros_like(p)`,`            optimizer.step()`,`    return loss`,``,``,`def _number(v):`,`    return v if math.isfinite(v) else None  # JSON has no NaN or infinity: null, like JSON.stringify`,``,``,`def _value(p):`,`    values = [_number(v) for v in p.detach().flatten().tolist()]`,`    return values[0] if len(values) == 1 else values`,``,``,`def main(argv=None):`,`    parser = argparse.ArgumentParser(description=${g(`Trains “${T}” as neurograph train does.`)})`,`    parser.add_argument("--steps", type=int, default=${d.steps??100}, help="training steps")`,`    args = parser.parse_args(argv)`,`    if args.steps < 0:`,`        parser.error("--steps must be a whole number >= 0")`,`    loss = train(args.steps)`,`    parameters = {label: _value(p) for label, p in PARAMETERS.items()}`,`    print(json.dumps({"step": args.steps, "loss": _number(loss), "parameters": parameters}))`,``,``,`if __name__ == "__main__":`,`    main()`,``),{filename:O,source:c(k.join(`
`))}}function k(e,t,n){let r=m(e);if(!n.ran||n.step===0)return{theta:r,step:0};let i=0;for(let n of e.blocks){let e=n.edgeId?t.edges.get(n.edgeId)?.param:t.nodes.get(n.nodeId)?.params.find(e=>e.name===n.name);e&&e.value.length===n.size&&(r.set(e.value,n.offset),i++)}return i===e.blocks.length?{theta:r,step:n.step}:{theta:m(e),step:0}}function A(){let{result:e}=p.getState(),t=e.diagnostics.find(e=>e.severity===`error`);return`The network cannot run yet${t?`: ${t.message}`:``}. Fix it on the canvas and the code follows.`}var j=()=>p.getState().result.plan??null;function M(e){let t=j();if(!t)return{ok:!1,message:A()};let n=w.getState().name;try{if(e===`pytorch`)return{ok:!0,script:O(t,{name:n}),step:0};let{theta:r,step:i}=k(t,b.getState(),y.getState());return{ok:!0,script:d(t,{name:n,theta:i>0?r:void 0}),step:i}}catch(e){if(e instanceof l)return{ok:!1,message:N(e.message)};throw e}}var N=e=>`${e.charAt(0).toUpperCase()}${e.slice(1)}.`;function P(e){h.getState().showToast(e,{tone:`error`,duration:1e4})}function F(e){let t=M(e);t.ok?T(new Blob([t.script.source],{type:`text/x-python`}),t.script.filename):P(t.message)}async function I(){let e=j();if(!e){P(A());return}let{exportOnnx:t}=await x(async()=>{let{exportOnnx:e}=await import(`./onnx-DIH1L3xM.js`).then(e=>e.t);return{exportOnnx:e}},__vite__mapDeps([0,1,2,3,4,5])),{theta:n,step:r}=k(e,b.getState(),y.getState()),i=w.getState().name;try{let a=t(e,{name:i,theta:r>0?n:void 0});T(new Blob([a.bytes],{type:`application/octet-stream`}),a.filename),h.getState().showToast(`Saved “${a.filename}” with the ${r>0?`parameters of step ${r}`:`initial parameters`}: inputs ${a.inputs.join(`, `)||`none`}, output ${a.outputs.join(`, `)}.`,{tone:`info`})}catch(e){if(e instanceof l)P(N(e.message));else throw e}}var L=()=>v(w.getState().name).replace(/\.neurograph\.json$/,``);export{M as currentScript,I as downloadOnnx,F as downloadScript,L as fileStem};