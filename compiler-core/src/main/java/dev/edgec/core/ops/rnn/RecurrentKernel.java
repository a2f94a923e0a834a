package dev.edgec.core.ops.rnn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The loop nest shared by RNN, GRU and LSTM: for each direction, time step and batch row, the cell
 * of the operator computes the new hidden state into {@link #hNew} from gate projections, then this
 * class stores it to Y and makes it the previous state. Scratch memory holds the states of every
 * batch row and the gates of the current row; all sizes are constants, so every loop bound and base
 * address is one too.
 */
final class RecurrentKernel {
    final KernelWriter k;
    final Code c;
    final RecurrentConfig cfg;
    final OpContext ctx;

    /** Scratch regions, as byte addresses. */
    final int hPrev;
    final int cPrev;
    final int gates;
    final int tmp;
    final int hNew;

    /** Locals: t, b; byte offsets of X[t, b, 0] and of row b of a [batch, hidden] state; pointers; the accumulator. */
    final int t;
    final int xRow;
    final int hRow;
    final int p1;
    final int p2;
    final int acc;
    private int b;
    private int direction;

    RecurrentKernel(OpContext ctx, KernelWriter k, RecurrentConfig cfg) {
        this.ctx = ctx;
        this.k = k;
        this.c = k.code();
        this.cfg = cfg;
        int bh = cfg.batch() * cfg.hidden() * 4;
        hPrev = k.scratch();
        cPrev = hPrev + bh;
        gates = cPrev + bh;
        tmp = gates + cfg.gates() * cfg.hidden() * 4;
        hNew = tmp + cfg.hidden() * 4;
        t = k.newI32();
        xRow = k.newI32();
        hRow = k.newI32();
        p1 = k.newI32();
        p2 = k.newI32();
        acc = k.newLocal(ValType.F32);
    }

    static long scratchBytes(RecurrentConfig cfg) {
        long h = cfg.hidden();
        return 4L * (2 * cfg.batch() * h + cfg.gates() * h + 2 * h);
    }

    int direction() {
        return direction;
    }

    /** The node's input {@code i} address, or -1 when it is omitted. */
    int input(int i) {
        return ctx.hasInput(i) ? k.address(ctx.inputName(i)) : -1;
    }

    int output(int i) {
        return i < ctx.outputCount() && !ctx.outputName(i).isEmpty() ? k.address(ctx.outputName(i)) : -1;
    }

    /** Emits the whole operator; {@code cell} supplies what differs between RNN, GRU and LSTM. */
    void emit(RecurrentCell cell) {
        for (int d = 0; d < cfg.directions(); d++) {
            direction = d;
            boolean backwards = cfg.reverse() || d == 1;
            k.forRange(cfg.batch(), bLocal -> {
                b = bLocal;
                c.localGet(b).i32Const(cfg.hidden() * 4).i32Mul().localSet(hRow);
                loadInitialState(input(5), hPrev);
                if (cell.hasCellState()) {
                    loadInitialState(input(6), cPrev);
                }
            });
            k.forRange(cfg.seq(), step -> {
                if (backwards) {
                    c.i32Const(cfg.seq() - 1).localGet(step).i32Sub().localSet(t);
                } else {
                    c.localGet(step).localSet(t);
                }
                k.forRange(cfg.batch(), bLocal -> {
                    b = bLocal;
                    c.localGet(b).i32Const(cfg.hidden() * 4).i32Mul().localSet(hRow);
                    rowOffset(cfg.batchMajor() ? b : t, cfg.batchMajor() ? cfg.seq() : cfg.batch(),
                            cfg.batchMajor() ? t : b, cfg.input() * 4, xRow);
                    cell.step(this);
                    storeNewState();
                });
            });
            k.forRange(cfg.batch(), bLocal -> {
                b = bLocal;
                c.localGet(b).i32Const(cfg.hidden() * 4).i32Mul().localSet(hRow);
                storeFinalState(output(1), hPrev);
                if (cell.hasCellState()) {
                    storeFinalState(output(2), cPrev);
                }
            });
        }
    }

    /** local = (outer * innerCount + inner) * rowBytes. */
    private void rowOffset(int outer, int innerCount, int inner, int rowBytes, int local) {
        c.localGet(outer).i32Const(innerCount).i32Mul().localGet(inner).i32Add().i32Const(rowBytes).i32Mul().localSet(local);
    }

    /** Byte offset of state row (direction, b) in an initial_h/Y_h-shaped tensor, into p1. */
    private void stateRow() {
        if (cfg.batchMajor()) {
            c.localGet(b).i32Const(cfg.directions()).i32Mul().i32Const(direction).i32Add();
        } else {
            c.i32Const(direction * cfg.batch()).localGet(b).i32Add();
        }
        c.i32Const(cfg.hidden() * 4).i32Mul().localSet(p1);
    }

    private void loadInitialState(int source, int state) {
        stateRow();
        k.forRange(cfg.hidden(), j -> {
            c.localGet(hRow).localGet(j).i32Const(2).i32Shl().i32Add();
            if (source < 0) {
                c.f32Const(0f);
            } else {
                c.localGet(p1).localGet(j).i32Const(2).i32Shl().i32Add().f32Load(source);
            }
            c.f32Store(state);
        });
    }

    private void storeFinalState(int target, int state) {
        if (target < 0) {
            return;
        }
        stateRow();
        k.forRange(cfg.hidden(), j -> {
            c.localGet(p1).localGet(j).i32Const(2).i32Shl().i32Add();
            c.localGet(hRow).localGet(j).i32Const(2).i32Shl().i32Add().f32Load(state);
            c.f32Store(target);
        });
    }

    /** hPrev[b] = hNew and Y[t, direction, b] = hNew. */
    private void storeNewState() {
        int y = output(0);
        if (y >= 0) {
            // Y row: [t, d, b] or [b, t, d], in units of hidden
            if (cfg.batchMajor()) {
                c.localGet(b).i32Const(cfg.seq()).i32Mul().localGet(t).i32Add().i32Const(cfg.directions()).i32Mul()
                        .i32Const(direction).i32Add();
            } else {
                c.localGet(t).i32Const(cfg.directions()).i32Mul().i32Const(direction).i32Add()
                        .i32Const(cfg.batch()).i32Mul().localGet(b).i32Add();
            }
            c.i32Const(cfg.hidden() * 4).i32Mul().localSet(p2);
        }
        k.forRange(cfg.hidden(), j -> {
            c.localGet(j).i32Const(2).i32Shl().localSet(p1);
            c.localGet(hRow).localGet(p1).i32Add().localGet(p1).f32Load(hNew).f32Store(hPrev);
            if (y >= 0) {
                c.localGet(p2).localGet(p1).i32Add().localGet(p1).f32Load(hNew).f32Store(y);
            }
        });
    }

    /**
     * gates[dst + r] = Wb + Rb + X[t, b]·W[row] + hidden·R[row] for rows {@code rowStart + r},
     * r in [0, rowCount). {@code hiddenBase} &lt; 0 leaves out the recurrent term; the hidden vector is
     * read at {@code hiddenBase + (hiddenRowLocal or 0)}.
     */
    void project(int rowStart, int rowCount, boolean withX, int hiddenBase, boolean hiddenAtRow, boolean addWb,
                 boolean addRb, int dstBase) {
        int gh = cfg.gates() * cfg.hidden();
        int w = input(1);
        int r = input(2);
        int bias = input(3);
        int firstRow = direction * gh + rowStart;
        k.forRange(rowCount, rr -> {
            c.f32Const(0f).localSet(acc);
            if (bias >= 0 && addWb) {
                c.localGet(acc).localGet(rr).i32Const(2).i32Shl().f32Load(bias + (direction * 2 * gh + rowStart) * 4)
                        .f32Add().localSet(acc);
            }
            if (bias >= 0 && addRb) {
                c.localGet(acc).localGet(rr).i32Const(2).i32Shl().f32Load(bias + (direction * 2 * gh + gh + rowStart) * 4)
                        .f32Add().localSet(acc);
            }
            if (withX) {
                c.localGet(xRow).localSet(p1);
                c.localGet(rr).i32Const(cfg.input() * 4).i32Mul().localSet(p2);
                dot(cfg.input(), input(0), w + firstRow * cfg.input() * 4);
            }
            if (hiddenBase >= 0) {
                if (hiddenAtRow) {
                    c.localGet(hRow).localSet(p1);
                } else {
                    c.i32Const(0).localSet(p1);
                }
                c.localGet(rr).i32Const(cfg.hidden() * 4).i32Mul().localSet(p2);
                dot(cfg.hidden(), hiddenBase, r + firstRow * cfg.hidden() * 4);
            }
            c.localGet(rr).i32Const(2).i32Shl().localGet(acc).f32Store(dstBase);
        });
    }

    /** acc += Σ a[p1 + 4i] · b[p2 + 4i] over n elements, advancing p1 and p2. */
    private void dot(int n, int aBase, int bBase) {
        k.forRange(n, i -> {
            c.localGet(acc).localGet(p1).f32Load(aBase).localGet(p2).f32Load(bBase).f32Mul().f32Add().localSet(acc);
            c.localGet(p1).i32Const(4).i32Add().localSet(p1);
            c.localGet(p2).i32Const(4).i32Add().localSet(p2);
        });
    }

    /** Pushes gate block {@code block}'s pre-activation for unit j. */
    void gate(int block, int j) {
        c.localGet(j).i32Const(2).i32Shl().f32Load(gates + block * cfg.hidden() * 4);
    }

    /** Pushes the previous hidden (or cell) state of unit j of the current batch row. */
    void previous(int state, int j) {
        c.localGet(hRow).localGet(j).i32Const(2).i32Shl().i32Add().f32Load(state);
    }

    /** Clips (if the node says so) and applies activation {@code index} of the current direction. */
    void activate(int index) {
        if (!Float.isNaN(cfg.clip())) {
            c.f32Const(-cfg.clip()).f32Max().f32Const(cfg.clip()).f32Min();
        }
        cfg.activations().get(direction).get(index).emit(k);
    }
}
