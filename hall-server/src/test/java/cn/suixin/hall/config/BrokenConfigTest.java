package cn.suixin.hall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A broken configuration")
class BrokenConfigTest {
  private static final String CITY =
      """
      name: 测试市
      nameEn: Test City
      halls: [main]
      openingHours:
        weekly:
          - {days: MON-FRI, open: "09:00", close: "17:00"}
        closed: [2026-10-01..2026-10-07]
      greenChannels:
        - id: exam
          name: 考生通道
          nameEn: Exam candidates
          periods: [2026-05-20..2026-06-06]
          matters: [EE-PASSPORT]
          proof: 准考证
          proofEn: Admission ticket
          fairness: {regularMaxWaitMinutes: 20, maxGreenInARow: 2}
      """;
  private static final String MATTERS =
      """
      matters:
        - {code: EE-PASSPORT, name: 护照, nameEn: Passport, prefix: A, category: EXIT_ENTRY,
           legalDays: 15, promisedDays: 7, typicalServiceMinutes: 10}
        - {code: HH-ID-RENEW, name: 换证, nameEn: ID renewal, prefix: B, category: HOUSEHOLD_ID,
           legalDays: 60, promisedDays: 20, flags: [DELEGATED], typicalServiceMinutes: 6}
      """;
  private static final String HALL =
      """
      id: main
      name: 主厅
      nameEn: Main hall
      address: 某路1号
      matters: all
      greenChannels: [exam]
      windows:
        - id: "1"
          name: 一号
          nameEn: One
          kind: COMPREHENSIVE
          matters:
            EE-PASSPORT: 5
            HH-ID-RENEW: 5
        - id: "2"
          name: 二号
          nameEn: Two
          kind: DEDICATED
          matters: [category:EXIT_ENTRY]
      """;

  @TempDir Path dir;

  private final Map<String, String> files = new LinkedHashMap<>();

  @BeforeEach
  void validConfig() {
    files.put("city.yaml", CITY);
    files.put("matters.yaml", MATTERS);
    files.put("halls/main.yaml", HALL);
  }

  /** Replaces the first {@code from} in {@code file}; the test fails if it is not there. */
  private BrokenConfigTest with(String file, String from, String to) {
    assertThat(files.get(file)).contains(from);
    files.put(
        file,
        files
            .get(file)
            .replaceFirst(
                java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    return this;
  }

  /** {@code file:line:col} of the first {@code needle} in the (changed) file. */
  private String at(String file, String needle) {
    String text = files.get(file);
    int index = text.indexOf(needle);
    assertThat(index).as(needle + " in " + file).isNotNegative();
    int line = 1 + (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
    int col = index - text.lastIndexOf('\n', index - 1);
    return file + ":" + line + ":" + col;
  }

  private String problems() throws IOException {
    write();
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new ConfigLoader().load(dir));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.getMessage();
  }

  private void write() throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
  }

  @Test
  @DisplayName("the valid base of these tests loads")
  void baseLoads() throws IOException {
    write();
    assertThatCode(() -> new ConfigLoader().load(dir)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("an unknown matter code in a window names the file, line and code")
  void unknownMatterCode() throws IOException {
    with("halls/main.yaml", "HH-ID-RENEW: 5", "HH-ID-RENEX: 5");
    assertThat(problems())
        .contains(
            at("halls/main.yaml", "HH-ID-RENEX")
                + ": windows[0].matters.HH-ID-RENEX: unknown matter code 'HH-ID-RENEX'");
  }

  @Test
  @DisplayName("a duplicate window id is reported where the second one is written")
  void duplicateWindowId() throws IOException {
    with("halls/main.yaml", "id: \"2\"", "id: \"1\"");
    assertThat(problems()).contains("halls/main.yaml:15:5: windows[1].id: duplicate window id '1'");
  }

  @Test
  @DisplayName("a weight outside 1..10 is reported with its matter")
  void weightOutOfRange() throws IOException {
    with("halls/main.yaml", "EE-PASSPORT: 5", "EE-PASSPORT: 11");
    assertThat(problems())
        .contains(
            at("halls/main.yaml", "EE-PASSPORT: 11")
                + ": windows[0].matters.EE-PASSPORT: weight 11 is out of 1..10");
  }

  @Test
  @DisplayName("a ticket prefix that is not 1-2 uppercase letters is reported")
  void badPrefix() throws IOException {
    with("matters.yaml", "prefix: A", "prefix: a1");
    assertThat(problems())
        .contains(
            at("matters.yaml", "prefix: a1")
                + ": matters[0].prefix: prefix 'a1' must be 1-2 uppercase letters A-Z");
  }

  @Test
  @DisplayName("promised days above legal days are reported")
  void promisedAboveLegal() throws IOException {
    with("matters.yaml", "promisedDays: 7", "promisedDays: 20");
    assertThat(problems())
        .contains(
            at("matters.yaml", "promisedDays: 20")
                + ": matters[0].promisedDays: promisedDays 20 is more than legalDays 15");
  }

  @Test
  @DisplayName("a session that closes before it opens is reported")
  void sessionClosesBeforeOpening() throws IOException {
    with("city.yaml", "close: \"17:00\"", "close: \"08:00\"");
    assertThat(problems())
        .contains(
            at("city.yaml", "close: \"08:00\"")
                + ": openingHours.weekly[0].close: session closes at 08:00, not after it opens at 09:00");
  }

  @Test
  @DisplayName("an unknown day name is reported")
  void unknownDayName() throws IOException {
    with("city.yaml", "MON-FRI", "MON-FRY");
    assertThat(problems())
        .contains(
            at("city.yaml", "days: MON-FRY")
                + ": openingHours.weekly[0].days: unknown day name in 'MON-FRY'");
  }

  @Test
  @DisplayName("a green channel naming a matter the hall does not serve is reported at the hall")
  void greenChannelMatterNotServed() throws IOException {
    with("halls/main.yaml", "matters: all", "matters: [HH-ID-RENEW]")
        .with("halls/main.yaml", "EE-PASSPORT: 5\n", "")
        .with("halls/main.yaml", "[category:EXIT_ENTRY]", "[HH-ID-RENEW]");
    assertThat(problems())
        .contains(
            at("halls/main.yaml", "exam")
                + ": greenChannels[0]: green channel 'exam' names matters this hall does not serve: [EE-PASSPORT]");
  }

  @Test
  @DisplayName("a hall with no windows is reported")
  void hallWithoutWindows() throws IOException {
    String hall = files.get("halls/main.yaml");
    files.put("halls/main.yaml", hall.substring(0, hall.indexOf("windows:")) + "windows: []\n");
    assertThat(problems())
        .contains(
            at("halls/main.yaml", "windows:") + ": windows: a hall needs at least one window");
  }

  @Test
  @DisplayName("a matter of the hall that no window serves is reported")
  void matterWithoutWindow() throws IOException {
    with("halls/main.yaml", "      HH-ID-RENEW: 5\n", "");
    assertThat(problems())
        .contains(
            at("halls/main.yaml", "matters: all")
                + ": matters: matter 'HH-ID-RENEW' is served by no window of this hall");
  }

  @Test
  @DisplayName("a malformed date is reported")
  void malformedDate() throws IOException {
    with("city.yaml", "2026-10-01..2026-10-07", "2026-10-01..2026-10-32");
    assertThat(problems())
        .contains(
            at("city.yaml", "2026-10-01..")
                + ": openingHours.closed[0]: date '2026-10-32' is not a date like 2026-10-01");
  }

  @Test
  @DisplayName("an unknown window kind, an unknown field and an unknown green channel are reported")
  void unknownNames() throws IOException {
    with("halls/main.yaml", "kind: DEDICATED", "kind: SPECIAL")
        .with("halls/main.yaml", "address:", "adress:")
        .with("halls/main.yaml", "[exam]", "[exams]");
    String message = problems();
    assertThat(message)
        .contains(
            at("halls/main.yaml", "kind: SPECIAL") + ": windows[1].kind: unknown window kind");
    assertThat(message)
        .contains(at("halls/main.yaml", "adress") + ": adress: unknown field 'adress'");
    assertThat(message).contains("halls/main.yaml:1:1: address: missing address");
    assertThat(message)
        .contains(at("halls/main.yaml", "exams") + ": greenChannels[0]: unknown green channel");
  }

  @Test
  @DisplayName(
      "window hours naming no windowHours entry and a hall id unlike its file name are reported")
  void windowHoursAndHallId() throws IOException {
    with("halls/main.yaml", "id: main", "id: mian")
        .with("halls/main.yaml", "kind: DEDICATED", "kind: DEDICATED\n    hours: weekdays");
    String message = problems();
    assertThat(message)
        .contains(
            at("halls/main.yaml", "id: mian")
                + ": id: hall id 'mian' does not match its file name 'main.yaml'");
    assertThat(message)
        .contains(
            at("halls/main.yaml", "hours: weekdays")
                + ": windows[1].hours: unknown window hours 'weekdays'");
  }

  @Test
  @DisplayName("a green channel naming an unknown matter is reported in city.yaml")
  void greenChannelUnknownMatter() throws IOException {
    with("city.yaml", "matters: [EE-PASSPORT]", "matters: [EE-PASSPORTS]");
    assertThat(problems())
        .contains(
            at("city.yaml", "EE-PASSPORTS")
                + ": greenChannels[0].matters[0]: unknown matter code 'EE-PASSPORTS'");
  }

  @Test
  @DisplayName("a duplicate key and a YAML syntax error are reported with their place")
  void yamlLevelErrors() throws IOException {
    with("halls/main.yaml", "nameEn: Main hall", "nameEn: Main hall\nname: 又一个");
    with("matters.yaml", "matters:", "matters: [");
    String message = problems();
    assertThat(message)
        .contains(at("halls/main.yaml", "name: 又一个") + ": name: duplicate key 'name'");
    assertThat(message).containsPattern("matters\\.yaml:\\d+:\\d+: \\(top\\): not valid YAML");
  }

  @Test
  @DisplayName("several problems in several files are all reported, not just the first")
  void allProblemsReported() throws IOException {
    with("matters.yaml", "prefix: B", "prefix: b")
        .with("city.yaml", "MON-FRI", "MON-FRY")
        .with("halls/main.yaml", "EE-PASSPORT: 5", "EE-PASSPORT: 0")
        .with("halls/main.yaml", "id: \"2\"", "id: \"1\"");
    write();
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new ConfigLoader().load(dir));
    assertThat(e.problems())
        .extracting(ConfigProblem::file)
        .contains("matters.yaml", "city.yaml", "halls/main.yaml");
    assertThat(e.problems())
        .extracting(ConfigProblem::path)
        .contains(
            "matters[1].prefix",
            "openingHours.weekly[0].days",
            "windows[0].matters.EE-PASSPORT",
            "windows[1].id");
    assertThat(e.getMessage()).startsWith(e.problems().size() + " configuration problems:");
  }

  @Test
  @DisplayName(
      "a hall file that city.yaml does not list, and a listed one that is missing, are reported")
  void hallFilesAndList() throws IOException {
    files.put("halls/extra.yaml", HALL.replace("id: main", "id: extra"));
    with("city.yaml", "halls: [main]", "halls: [main, ghost]");
    String message = problems();
    assertThat(message)
        .contains(at("city.yaml", "halls:") + ": halls: halls/extra.yaml is not listed in halls");
    assertThat(message).contains("halls/ghost.yaml:1:1: (top): file not found");
  }
}
