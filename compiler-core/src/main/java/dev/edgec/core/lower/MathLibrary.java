package dev.edgec.core.lower;

import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ModuleBuilder;
import java.util.EnumMap;
import java.util.Map;

/** Emits each {@link MathFunction} into the module once, the first time a kernel needs it. */
public final class MathLibrary {
    private final ModuleBuilder module;
    private final Map<MathFunction, Integer> emitted = new EnumMap<>(MathFunction.class);

    public MathLibrary(ModuleBuilder module) {
        this.module = module;
    }

    public int functionIndex(MathFunction f) {
        Integer index = emitted.get(f);
        if (index == null) {
            FunctionBuilder fb = module.addFunction("edgec_" + f.name().toLowerCase(java.util.Locale.ROOT), f.type());
            emitted.put(f, fb.index());
            f.body().emit(fb, this);
            index = fb.index();
        }
        return index;
    }
}
