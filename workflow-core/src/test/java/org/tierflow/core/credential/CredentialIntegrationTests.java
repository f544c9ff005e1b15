package org.tierflow.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.NATIONAL;
import static org.tierflow.core.training.AfterSelectionFixture.NINGXIA;
import static org.tierflow.core.training.AfterSelectionFixture.QINGDAO;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.CredentialService;
import org.tierflow.core.api.CredentialStatus;
import org.tierflow.core.api.CredentialVerification;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.training.AfterSelectionFixture;

/**
 * Credentials on the real engine and H2: issued by the authority the tier names, verifiable by a number
 * nobody can guess, revoked with a reason and never deleted, printable as a page that cannot be scripted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialIntegrationTests {

    static final LocalDate SELECTED_ON = LocalDate.of(2024, 3, 1);
    static final LocalDate ISSUED_ON = LocalDate.of(2025, 3, 10);
    /** The national 2.0 tier works for five years before its evaluation, so its credentials come in 2029. */
    static final LocalDate NATIONAL_ISSUED_ON = LocalDate.of(2029, 3, 10);
    static final Pattern QINGDAO_NUMBER = Pattern.compile("QDT-2025-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
    static final String CITY_ISSUER = reviewerOf("qingdao");

    AfterSelectionFixture fixture;
    CredentialService credentials;

    @BeforeAll
    void start() {
        fixture = AfterSelectionFixture.onH2("credentials");
        credentials = fixture.tierFlow.credentials();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @AfterEach
    void realTime() {
        fixture.resetClock();
    }

    @Test
    void theCityIssuesAQingdaoCredentialAndAnyoneCanVerifyItsNumber() {
        Nomination teacher = selectQingdaoTeacher();

        Credential issued = credentials.issue(teacher.id(), CITY_ISSUER, "王小明");

        assertThat(issued.number()).matches(QINGDAO_NUMBER);
        assertThat(issued.status()).isEqualTo(CredentialStatus.VALID);
        assertThat(issued.holderId()).isEqualTo(teacher.applicantId());
        assertThat(issued.holderName()).isEqualTo("王小明");
        assertThat(issued.title()).isEqualTo(new LocalizedText("青岛市数字化精英教师认定证书", "Certificate: Qingdao digital elite teacher"));
        assertThat(issued.issuingUnitId()).isEqualTo("qingdao");
        assertThat(issued.issuingUnitName().zh()).isEqualTo("青岛市教育局");
        assertThat(issued.issuingLevel()).isEqualTo(OrganisationLevel.CITY);
        assertThat(issued.issuedBy()).isEqualTo(CITY_ISSUER);
        assertThat(issued.issuedOn()).isEqualTo(ISSUED_ON);
        assertThat(credentials.ofNomination(teacher.id())).containsExactly(issued);

        CredentialVerification verified = credentials.verify(issued.number()).orElseThrow();
        assertThat(verified).isEqualTo(new CredentialVerification(issued.number(), teacher.applicantId(), "王小明",
                issued.title(), new LocalizedText("数字化精英教师", "Digital elite teacher"),
                new LocalizedText("青岛市教育数字化转型人才培养方案", "Qingdao education digital-transformation talent program"),
                issued.issuingUnitName(), ISSUED_ON, CredentialStatus.VALID, null, null));
        assertThat(credentials.verify("  " + issued.number().toLowerCase(Locale.ROOT) + " "))
                .as("as a person might type it").contains(verified);
    }

    @Test
    void unknownNumbersVerifyAsNothing() {
        assertThat(credentials.verify("QDT-2025-AAAA-AAAA-AAAA-AAAA")).isEmpty();
        assertThat(credentials.verify("")).isEmpty();
        assertThat(credentials.verify(null)).isEmpty();
        assertThatThrownBy(() -> credentials.renderPrintable("QDT-2025-AAAA-AAAA-AAAA-AAAA", Locale.CHINA))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theNationalCertificateIsIssuedByTheDistrictAboveTheSchool() {
        Nomination teacher = fixture.select(NATIONAL, "teacher", "xingqing-school-1", SELECTED_ON);
        fixture.qualify(teacher, NATIONAL_ISSUED_ON);

        assertThatThrownBy(() -> credentials.issue(teacher.id(), reviewerOf("xingqing-school-1")))
                .as("the school selected the teacher, but the district issues").isInstanceOf(NotAuthorizedException.class);
        Credential issued = credentials.issue(teacher.id(), reviewerOf("xingqing"));

        assertThat(issued.number()).startsWith("NA-2029-");
        assertThat(issued.issuingUnitId()).isEqualTo("xingqing");
        assertThat(issued.holderName()).isNull();
        assertThat(credentials.verify(issued.number()).orElseThrow().holderId()).isEqualTo(teacher.applicantId());
    }

    @Test
    void anUnauthorizedIssueIsRefusedAndChangesNothing() {
        Nomination teacher = selectQingdaoTeacher();

        for (String intruder : new String[] {reviewerOf("shinan"), reviewerOf("shinan-school-1"), reviewerOf("yinchuan"),
                "someone-else"}) {
            assertThatThrownBy(() -> credentials.issue(teacher.id(), intruder, "王小明"))
                    .as(intruder).isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
                        assertThat(e.code()).isEqualTo("not-authorized");
                        assertThat(e.text().en()).contains(intruder, "qingdao", "city");
                    });
        }
        assertThatThrownBy(() -> credentials.issue(teacher.id(), teacher.applicantId()))
                .as("the candidate").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> credentials.issue(teacher.id(), null)).isInstanceOf(NotAuthorizedException.class);

        assertThat(credentials.ofNomination(teacher.id())).isEmpty();
        assertThat(fixture.count("tierflow_credential", "nomination_id = ?", teacher.id())).isZero();
    }

    @Test
    void onlySelectedNominationsOfTiersWithACredentialGetOne() {
        fixture.today(ISSUED_ON);
        Nomination waiting = fixture.submit(QINGDAO, "elite-teacher", "shinan-school-1");
        assertRefused(() -> credentials.issue(waiting.id(), CITY_ISSUER), "not-selected");

        Nomination backbone = fixture.select(NINGXIA, "backbone-talent", "litong-school-1", SELECTED_ON);
        assertRefused(() -> credentials.issue(backbone.id(), reviewerOf("litong")), "no-credential");

        assertThatThrownBy(() -> credentials.issue("no-such-nomination", CITY_ISSUER)).isInstanceOf(NotFoundException.class);
        assertThat(fixture.count("tierflow_credential", "nomination_id in (?, ?)", waiting.id(), backbone.id())).isZero();
    }

    @Test
    void aCredentialWaitsForTheOutcomeTheTierAsksFor() {
        Nomination qingdao = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", SELECTED_ON);
        Nomination ningxia = fixture.select(NINGXIA, "teaching-talent", "xingqing-school-1", SELECTED_ON);
        fixture.today(ISSUED_ON);

        assertThatThrownBy(() -> credentials.issue(qingdao.id(), CITY_ISSUER))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("outcome-missing");
                    assertThat(e.text().zh()).contains("综合考评尚未合格");
                    assertThat(e.text().en()).contains("the comprehensive evaluation has not qualified the candidate");
                });
        assertThatThrownBy(() -> credentials.issue(ningxia.id(), reviewerOf("yinchuan")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("outcome-missing");
                    assertThat(e.text().en()).contains("the acceptance has not passed").doesNotContain("evaluation");
                });
        assertThat(fixture.count("tierflow_credential", "nomination_id in (?, ?)", qingdao.id(), ningxia.id())).isZero();
    }

    @Test
    void aNominationHoldsOneValidCredentialAndARevocationIsRecordedNotDeleted() {
        Nomination teacher = selectQingdaoTeacher();
        Credential first = credentials.issue(teacher.id(), CITY_ISSUER, "王小明");
        assertRefused(() -> credentials.issue(teacher.id(), CITY_ISSUER, "王小明"), "already-issued");

        assertRefused(() -> credentials.revoke(first.number(), " ", CITY_ISSUER), "reason-required");
        assertThatThrownBy(() -> credentials.revoke(first.number(), "姓名有误 / wrong name", reviewerOf("shinan")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> credentials.revoke(first.number(), "no", teacher.applicantId()))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(credentials.verify(first.number()).orElseThrow().status()).isEqualTo(CredentialStatus.VALID);

        LocalDate revokedOn = ISSUED_ON.plusDays(20);
        fixture.today(revokedOn);
        Credential revoked = credentials.revoke(first.number(), "姓名有误 / wrong name", CITY_ISSUER);

        assertThat(revoked.status()).isEqualTo(CredentialStatus.REVOKED);
        assertThat(revoked.revocation()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo("姓名有误 / wrong name");
            assertThat(r.revokedBy()).isEqualTo(CITY_ISSUER);
            assertThat(r.revokedOn()).isEqualTo(revokedOn);
        });
        CredentialVerification verified = credentials.verify(first.number()).orElseThrow();
        assertThat(verified.status()).isEqualTo(CredentialStatus.REVOKED);
        assertThat(verified.revocationReason()).isEqualTo("姓名有误 / wrong name");
        assertThat(verified.revokedOn()).isEqualTo(revokedOn);
        assertThat(verified.issuedOn()).isEqualTo(ISSUED_ON);
        assertRefused(() -> credentials.revoke(first.number(), "again", CITY_ISSUER), "already-revoked");
        assertThatThrownBy(() -> credentials.revoke("QDT-2025-AAAA-AAAA-AAAA-AAAA", "why", CITY_ISSUER))
                .isInstanceOf(NotFoundException.class);

        Credential second = credentials.issue(teacher.id(), CITY_ISSUER, "王晓明");
        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(credentials.ofNomination(teacher.id())).extracting(Credential::number, Credential::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.number(), CredentialStatus.REVOKED),
                        org.assertj.core.groups.Tuple.tuple(second.number(), CredentialStatus.VALID));
        assertThat(fixture.count("tierflow_credential", "nomination_id = ?", teacher.id())).isEqualTo(2);
        assertThat(fixture.count("tierflow_credential_revocation", "reason = ?", "姓名有误 / wrong name")).isEqualTo(1);
    }

    @Test
    void twoConcurrentIssuesForOneNominationGiveOneCredential() throws Exception {
        Nomination teacher = selectQingdaoTeacher();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Callable<Object> issue = () -> {
                go.await();
                try {
                    return credentials.issue(teacher.id(), CITY_ISSUER, "王小明");
                } catch (TierFlowException e) {
                    return e;
                }
            };
            Future<Object> one = pool.submit(issue);
            Future<Object> two = pool.submit(issue);
            go.countDown();
            List<Object> outcomes = List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));

            assertThat(outcomes).filteredOn(Credential.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(InvalidRequestException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("already-issued"));
            assertThat(fixture.count("tierflow_credential", "nomination_id = ?", teacher.id())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void numbersAreUniqueOverAThousandIssuesAndNotSequential() {
        fixture.today(ISSUED_ON);
        List<Nomination> teachers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            teachers.add(fixture.select(NATIONAL, "teacher", "xingqing-school-1", SELECTED_ON));
        }
        teachers.forEach(teacher -> fixture.qualify(teacher, NATIONAL_ISSUED_ON));
        String issuer = reviewerOf("xingqing");
        List<String> numbers = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            for (Nomination teacher : teachers) {
                String number = credentials.issue(teacher.id(), issuer).number();
                numbers.add(number);
                credentials.revoke(number, "重新颁发 / reissue", issuer);
            }
        }

        assertThat(numbers).hasSize(1000).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("NA-2029-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));
        Set<BigInteger> steps = new HashSet<>();
        int differingCharacters = 0;
        for (int i = 1; i < numbers.size(); i++) {
            String previous = randomPart(numbers.get(i - 1));
            String current = randomPart(numbers.get(i));
            steps.add(value(current).subtract(value(previous)));
            for (int c = 0; c < current.length(); c++) {
                differingCharacters += previous.charAt(c) != current.charAt(c) ? 1 : 0;
            }
        }
        assertThat(steps).as("no fixed step from one number to the next").hasSizeGreaterThan(990)
                .doesNotContain(BigInteger.ONE);
        assertThat(differingCharacters / (double) (numbers.size() - 1))
                .as("consecutive numbers differ in nearly every random character (15 of 16 expected)").isGreaterThan(14.0);
    }

    @Test
    void thePrintablePageIsBilingualSelfContainedAndEscapesEveryName() {
        Nomination teacher = selectQingdaoTeacher();
        String hostile = "<script>alert('x')</script> & \"Co\"";
        Credential issued = credentials.issue(teacher.id(), CITY_ISSUER, hostile);

        String chinese = credentials.renderPrintable(issued.number(), Locale.SIMPLIFIED_CHINESE);
        String english = credentials.renderPrintable(issued.number().toLowerCase(Locale.ROOT), Locale.ENGLISH);

        for (String page : List.of(chinese, english)) {
            assertThat(page).startsWith("<!DOCTYPE html>")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
                    .doesNotContain("<script", "alert('x')", "src=", "href=", "http://", "https://", "<link")
                    .contains(issued.number(), "青岛市数字化精英教师认定证书", "Certificate: Qingdao digital elite teacher",
                            "青岛市教育局", "Qingdao Municipal Education Bureau", "2025年3月10日", "10 March 2025",
                            "查验", "Verification");
        }
        assertThat(chinese).contains("<html lang=\"zh-CN\">");
        assertThat(chinese.indexOf("<h1>青岛市数字化精英教师认定证书</h1>")).as("Chinese first").isPositive();
        assertThat(english.indexOf("<h1>Certificate: Qingdao digital elite teacher</h1>")).as("English first").isPositive();
        assertThat(chinese).doesNotContain("已撤销", "撤销");

        fixture.today(ISSUED_ON.plusDays(1));
        credentials.revoke(issued.number(), "<b>伪造</b> / forged", CITY_ISSUER);
        assertThat(credentials.renderPrintable(issued.number(), Locale.CHINA))
                .contains("撤销", "&lt;b&gt;伪造&lt;/b&gt; / forged", "revoked on 11 March 2025")
                .doesNotContain("<b>");
    }

    private Nomination selectQingdaoTeacher() {
        Nomination nomination = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", SELECTED_ON);
        fixture.qualify(nomination, ISSUED_ON);
        return nomination;
    }

    private static String randomPart(String number) {
        return number.substring("NA-2029-".length()).replace("-", "");
    }

    private static BigInteger value(String base32) {
        BigInteger value = BigInteger.ZERO;
        for (char c : base32.toCharArray()) {
            value = value.shiftLeft(5).add(BigInteger.valueOf("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c)));
        }
        return value;
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
