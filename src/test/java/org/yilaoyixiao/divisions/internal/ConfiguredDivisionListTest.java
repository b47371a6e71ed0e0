package org.yilaoyixiao.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.support.PlatformTest;

/** Another county loads its own divisions from YLY_DIVISIONS_FILE at start. */
@PlatformTest
class ConfiguredDivisionListTest {

    @Autowired
    DivisionImport divisionImport;

    @Autowired
    DivisionDirectory directory;

    @TempDir
    Path folder;

    @Test
    void loadsTheFileAndIsIdempotent() throws Exception {
        Path file = folder.resolve("331123.csv");
        Files.writeString(file, """
                code,name,parentCode,level,validFrom
                331123,示例县,,COUNTY,2023-01-01
                331123001,示例街道,331123,TOWNSHIP,2023-01-01
                331123001001,示例社区,331123001,VILLAGE,2023-01-01
                """);
        ConfiguredDivisionList loader = new ConfiguredDivisionList(divisionImport, file.toString());
        loader.run(null);
        loader.run(null);
        assertThat(directory.subtree("331123")).extracting(Division::code)
                .containsExactly("331123", "331123001", "331123001001");
    }

    @Test
    void aBadFileStopsTheStart() throws Exception {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "code,name,parentCode,level,validFrom\n331124001,孤儿街道,331124,TOWNSHIP,2023-01-01\n");
        assertThatThrownBy(() -> new ConfiguredDivisionList(divisionImport, file.toString()).run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not imported");
        assertThat(directory.find("331124001")).isEmpty();
    }
}
