package org.yilaoyixiao.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;

/**
 * The division directory for the length of one import: each code is looked up once, not once per row. A county has a
 * few hundred divisions, so a 100,000-row file needs a few hundred queries instead of 200,000.
 */
final class RememberingDivisions implements DivisionDirectory {

    private final DivisionDirectory directory;
    private final Map<String, Optional<Division>> found = new ConcurrentHashMap<>();
    private final Map<String, Boolean> within = new ConcurrentHashMap<>();

    RememberingDivisions(DivisionDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Division> find(String code) {
        return found.computeIfAbsent(code, directory::find);
    }

    @Override
    public boolean isWithin(String scopeCode, String code) {
        return within.computeIfAbsent(scopeCode + '/' + code, key -> directory.isWithin(scopeCode, code));
    }

    @Override
    public Optional<Division> findAsOf(String code, LocalDate date) {
        return directory.findAsOf(code, date);
    }

    @Override
    public List<Division> children(String code) {
        return directory.children(code);
    }

    @Override
    public List<Division> childrenAsOf(String code, LocalDate date) {
        return directory.childrenAsOf(code, date);
    }

    @Override
    public List<Division> subtree(String code) {
        return directory.subtree(code);
    }

    @Override
    public Set<String> subtreeCodes(String code) {
        return directory.subtreeCodes(code);
    }

    @Override
    public List<Division> path(String code) {
        return directory.path(code);
    }
}
