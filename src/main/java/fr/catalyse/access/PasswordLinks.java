package fr.catalyse.access;

import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants choose their own password: a new account gets a single-use link in its
 * welcome email (valid a week), anyone may ask for a new one, within
 * {@link PasswordResetLimits}. No password ever travels by email. Times are the engine's
 * clock, like every date of the programme (a rehearsal, or a test, moves them together).
 */
@NamedInterface("accounts")
@Service
public class PasswordLinks {

    public static final String WELCOME = "WELCOME";

    public static final String RESET = "RESET";
    static final Duration VALIDITY = Duration.ofDays(7);

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final String DIGITS = "0123456789";

    /**
     * Some of the punctuation the engine's policy counts as special; nobody types this
     * password.
     */
    private static final String SPECIALS = "!#%*+-=?^_~";

    private final PasswordTokenRepository tokens;

    private final IdentityService identity;

    private final CatalyseProperties application;

    private final PasswordResetLimits limits;

    private final SecureRandom random = new SecureRandom();

    PasswordLinks(PasswordTokenRepository tokens, IdentityService identity, CatalyseProperties application,
            PasswordResetLimits limits) {
        this.tokens = tokens;
        this.identity = identity;
        this.application = application;
        this.limits = limits;
    }

    /**
     * A new link for the account; earlier links stay valid until they expire or one is
     * used. Committed on its own, before the email carrying it leaves: if the job sending
     * it then fails to commit, the email is already recorded as sent and not sent again,
     * and its link must work.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String issue(String userId, String purpose) {
        return mint(userId, purpose);
    }

    /**
     * Whether the account may receive another link it asked for: fewer than
     * {@code linksPerAccount} in the last {@code accountWindow}, and none still usable
     * minted in the last {@code accountInterval}. Whoever then queues a link holds the
     * account's lock meanwhile, so that nodes asking at once count each other's.
     */
    @Transactional(readOnly = true)
    public boolean mayReset(String userId) {
        Instant now = now();
        Duration lookBack = limits.accountWindow().compareTo(limits.accountInterval()) >= 0 ? limits.accountWindow()
                : limits.accountInterval();
        List<PasswordToken> recent = tokens.findByUserIdAndPurposeAndCreatedAtAfter(userId, RESET, now.minus(lookBack));
        long inWindow = recent.stream()
            .filter(link -> link.getCreatedAt().isAfter(now.minus(limits.accountWindow())))
            .count();
        boolean freshOneWorks = recent.stream()
            .anyMatch(link -> link.usableAt(now) && link.getCreatedAt().isAfter(now.minus(limits.accountInterval())));
        return inWindow < limits.linksPerAccount() && !freshOneWorks;
    }

    private String mint(String userId, String purpose) {
        String token = newToken(random);
        Instant now = now();
        tokens.save(new PasswordToken(userId, hash(token), purpose, now, now.plus(VALIDITY)));
        return application.link("/mot-de-passe?jeton=" + token);
    }

    private static Instant now() {
        return EngineClock.now();
    }

    /**
     * The account's links not used yet stop working: they went to an address it no longer
     * has, whose mailbox may be someone else's now. Its owner asks for a new one at the
     * new address.
     */
    @Transactional
    public void revokeAll(String userId) {
        Instant now = now();
        tokens.findByUserIdAndUsedAtIsNull(userId).forEach(link -> link.use(now));
    }

    /**
     * A password nobody knows, for an account whose owner has not chosen one yet. The
     * engine refuses a password that contains the account's id, first name, last name or
     * email (case ignored), however short they are (« A1 », « Le »): no character that
     * begins one of them is used, so none of them can occur. It is still checked against
     * the engine's policy, in case an operator made it stricter.
     */
    public String unknownPassword(String userId, String firstName, String lastName, String email) {
        User account = identity.newUser(userId);
        account.setFirstName(firstName);
        account.setLastName(lastName);
        account.setEmail(email);
        List<String> forbiddenStarts = Stream.of(userId, firstName, lastName, email)
            .filter(value -> value != null && !value.isBlank())
            .map(value -> value.toUpperCase().substring(0, 1))
            .toList();
        List<String> classes = Stream.of(UPPER, UPPER.toLowerCase(), DIGITS, SPECIALS)
            .map(characters -> allowed(characters, forbiddenStarts))
            .toList();
        String all = String.join("", classes);
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Character> secret = new ArrayList<>();
            for (String characters : classes) {
                secret.add(characters.charAt(random.nextInt(characters.length())));
            }
            while (secret.size() < 32) {
                secret.add(all.charAt(random.nextInt(all.length())));
            }
            Collections.shuffle(secret, random);
            String password = secret.stream().map(String::valueOf).collect(Collectors.joining());
            if (identity.checkPasswordAgainstPolicy(password, account).isValid()) {
                return password;
            }
        }
        throw new IllegalStateException("No initial secret meets the engine's password policy for " + userId);
    }

    /**
     * The characters whose upper case is none of the forbidden first characters (compared
     * as the engine compares).
     */
    private static String allowed(String characters, List<String> forbiddenStarts) {
        StringBuilder allowed = new StringBuilder();
        characters.chars()
            .mapToObj(character -> String.valueOf((char) character))
            .filter(character -> !forbiddenStarts.contains(character.toUpperCase()))
            .forEach(allowed::append);
        return allowed.toString();
    }

    /** The account a link is for, if the link can still be used. */
    @Transactional(readOnly = true)
    public String accountOf(String token) {
        return usable(token).getUserId();
    }

    /**
     * Sets the password chosen through a link, which cannot be used again, and unlocks
     * the account.
     */
    @Transactional
    public String choose(String token, String password, String confirmation) {
        PasswordToken link = usable(token);
        if (password == null || !password.equals(confirmation)) {
            throw new InvalidInputException("Les deux mots de passe saisis sont différents.");
        }
        User user = identity.createUserQuery().userId(link.getUserId()).singleResult();
        PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, user);
        if (!policy.isValid()) {
            throw new InvalidInputException(
                    "Ce mot de passe ne respecte pas la politique : 10 caractères au moins, dont une "
                            + "majuscule, une minuscule, un chiffre et un caractère spécial, sans votre nom ni votre identifiant.");
        }
        user.setPassword(password);
        identity.saveUser(user);
        identity.unlockUser(user.getId());
        link.use(now());
        return user.getId();
    }

    private PasswordToken usable(String token) {
        return tokens.findByTokenHash(hash(token == null ? "" : token))
            .filter(link -> link.usableAt(now()))
            .orElseThrow(() -> new InvalidInputException(
                    "Ce lien n'est plus valable : il a déjà servi ou il a expiré. " + "Demandez-en un nouveau."));
    }

    /** A secret for a link: 32 random bytes, URL-safe. */
    static String newToken(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
