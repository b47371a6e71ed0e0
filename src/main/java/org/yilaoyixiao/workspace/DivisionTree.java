package org.yilaoyixiao.workspace;

import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionStatistic;

/** Builds the tree of a scope and rolls every module's counts up from the leaves. */
@Component
class DivisionTree {

    private final DivisionDirectory directory;
    private final List<DivisionStatistic> statistics;

    DivisionTree(DivisionDirectory directory, List<DivisionStatistic> statistics) {
        this.directory = directory;
        this.statistics = statistics.stream().sorted(Comparator.comparingInt(DivisionStatistic::order)).toList();
    }

    List<DivisionStatistic> statistics() {
        return statistics;
    }

    DivisionTreeNode of(String rootCode) {
        List<Division> subtree = directory.subtree(rootCode);
        if (subtree.isEmpty()) {
            return null;
        }
        Map<String, DivisionTreeNode> nodes = new HashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Division division : subtree) {
            nodes.put(division.code(), new DivisionTreeNode(division, statistics.size()));
            codes.add(division.code());
        }
        for (int i = 0; i < statistics.size(); i++) {
            Map<String, Long> counts = statistics.get(i).countByDivision(codes);
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                DivisionTreeNode node = nodes.get(entry.getKey());
                if (node != null) {
                    node.counts()[i] += entry.getValue();
                }
            }
        }
        DivisionTreeNode root = nodes.get(rootCode);
        // subtree() lists parents before children, so children can be attached in one pass
        for (Division division : subtree) {
            DivisionTreeNode parent = division.parentCode() == null ? null : nodes.get(division.parentCode());
            if (parent != null && !division.code().equals(rootCode)) {
                parent.children().add(nodes.get(division.code()));
            }
        }
        rollUp(root);
        return root;
    }

    private static void rollUp(DivisionTreeNode node) {
        for (DivisionTreeNode child : node.children()) {
            rollUp(child);
            for (int i = 0; i < node.counts().length; i++) {
                node.counts()[i] += child.counts()[i];
            }
        }
    }
}
