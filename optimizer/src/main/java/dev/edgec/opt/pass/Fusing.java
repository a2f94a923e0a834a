package dev.edgec.opt.pass;

import dev.edgec.ir.Node;
import java.util.ArrayList;
import java.util.List;

/** The node-list edit every fusion makes: the producer is replaced by its fused form, the consumer dropped. */
final class Fusing {
    private Fusing() {
    }

    static List<Node> replace(List<Node> nodes, Node producer, Node fused, Node consumer) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n == producer) {
                out.add(fused);
            } else if (n != consumer) {
                out.add(n);
            }
        }
        return out;
    }
}
