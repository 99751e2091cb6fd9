package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the lobby, touched only on the FX thread. The engine bridge replaces the room lists;
 * the view binds to the filtered, sorted lists and to the relay status sentence.
 */
public final class LobbyViewModel {
    /** Hottest first, then by name, as the relay orders them. */
    static final Comparator<RoomEntry> HOTTEST_FIRST = Comparator.comparingInt(RoomEntry::members).reversed()
            .thenComparing(RoomEntry::name, String.CASE_INSENSITIVE_ORDER);

    private final ObservableList<RoomEntry> lanRooms = FXCollections.observableArrayList();
    private final ObservableList<RoomEntry> publicRooms = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty tagFilter = new SimpleStringProperty("");
    private final ObservableList<String> knownTags = FXCollections.observableArrayList();
    private final ObjectProperty<RelayStatus> relayStatus = new SimpleObjectProperty<>(RelayStatus.NOT_CONFIGURED);
    private final StringProperty relayMessage = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty lanProblem = new SimpleStringProperty("");
    private final ObjectProperty<PasswordQuestion> passwordQuestion = new SimpleObjectProperty<>();
    private final SortedList<RoomEntry> visibleLanRooms;
    private final SortedList<RoomEntry> visiblePublicRooms;
    private LobbyActions actions = new LobbyActions() {
        @Override
        public void refreshPublicRooms(String tag) {
        }

        @Override
        public void join(CreateRoomRequest request) {
        }

        @Override
        public void join(CreateRoomRequest request, String relay) {
        }
    };

    public LobbyViewModel() {
        FilteredList<RoomEntry> lan = new FilteredList<>(lanRooms);
        lan.predicateProperty().bind(Bindings.createObjectBinding(
                () -> room -> room.nameContains(search.get()), search));
        visibleLanRooms = new SortedList<>(lan, HOTTEST_FIRST);

        FilteredList<RoomEntry> pub = new FilteredList<>(publicRooms);
        pub.predicateProperty().bind(Bindings.createObjectBinding(
                () -> room -> room.nameContains(search.get()) && room.hasTag(tagFilter.get()), search, tagFilter));
        visiblePublicRooms = new SortedList<>(pub, HOTTEST_FIRST);
        tagFilter.addListener((obs, old, now) -> refresh());
        relayStatus.addListener((obs, old, now) -> relayMessage.set(describe(now)));
        relayMessage.set(describe(relayStatus.get()));
    }

    public void setActions(LobbyActions actions) {
        this.actions = actions;
    }

    public void refresh() {
        if (relayStatus.get() != RelayStatus.NOT_CONFIGURED) {
            actions.refreshPublicRooms(tagFilter.get());
        }
    }

    public void join(CreateRoomRequest request) {
        error.set("");
        actions.join(request);
    }

    /** Joins the room the password was asked for again, with {@code typed}, on the same relay. */
    public void answerPassword(String typed) {
        PasswordQuestion question = passwordQuestion.get();
        if (question == null || typed == null || typed.isEmpty()) {
            return;
        }
        passwordQuestion.set(null);
        error.set("");
        actions.join(question.request().withPassword(typed), question.relay());
    }

    /** The person would rather not answer: the lobby stays as it was. */
    public void dismissPasswordQuestion() {
        passwordQuestion.set(null);
    }

    public void setLanRooms(Collection<RoomEntry> rooms) {
        lanRooms.setAll(rooms);
    }

    public void setPublicRooms(Collection<RoomEntry> rooms) {
        publicRooms.setAll(rooms);
        TreeSet<String> tags = new TreeSet<>(knownTags);
        rooms.forEach(room -> tags.addAll(room.tags()));
        if (!tags.equals(new TreeSet<>(knownTags))) {
            knownTags.setAll(tags);
        }
    }

    /** The relay's state with an optional reason from the transport (shown after the standard words). */
    public void setRelayStatus(RelayStatus status, String reason) {
        relayStatus.set(status);
        String base = describe(status);
        relayMessage.set(reason == null || reason.isBlank() || status != RelayStatus.UNREACHABLE
                ? base : reason.strip() + " " + base);
    }

    static String describe(RelayStatus status) {
        return switch (status) {
            case NOT_CONFIGURED -> Texts.get("lobby.relay.notConfigured");
            case CONNECTING -> Texts.get("lobby.relay.connecting");
            case ONLINE -> "";
            case UNREACHABLE -> Texts.get("lobby.relay.unreachable");
        };
    }

    public SortedList<RoomEntry> visibleLanRooms() {
        return visibleLanRooms;
    }

    public SortedList<RoomEntry> visiblePublicRooms() {
        return visiblePublicRooms;
    }

    public ObservableList<RoomEntry> lanRooms() {
        return lanRooms;
    }

    public ObservableList<RoomEntry> publicRooms() {
        return publicRooms;
    }

    public ObservableList<String> knownTags() {
        return knownTags;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty tagFilterProperty() {
        return tagFilter;
    }

    public ObjectProperty<RelayStatus> relayStatusProperty() {
        return relayStatus;
    }

    public StringProperty relayMessageProperty() {
        return relayMessage;
    }

    /** Why rooms on this network cannot be found right now, in words; empty when LAN mode works. */
    public StringProperty lanProblemProperty() {
        return lanProblem;
    }

    /** A room's password to ask for (a refused join); null while nothing is asked. */
    public ObjectProperty<PasswordQuestion> passwordQuestionProperty() {
        return passwordQuestion;
    }

    /** A failure from the last join, in words; empty when there is none. */
    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding relayAvailable() {
        return relayStatus.isEqualTo(RelayStatus.ONLINE);
    }

    public List<RoomEntry> allRooms() {
        return java.util.stream.Stream.concat(lanRooms.stream(), publicRooms.stream()).toList();
    }
}
