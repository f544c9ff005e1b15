package org.tierflow.core.internal.persistence;

import java.util.List;
import java.util.Map;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.TimelineEntry;

/** Maps TierFlow's entities to the API's records. */
@Mapper
public interface RecordMapper {

    RecordMapper INSTANCE = Mappers.getMapper(RecordMapper.class);

    @Mapping(target = "facts", source = "factsJson")
    Nomination toNomination(NominationEntity entity);

    @Mapping(target = "at", source = "createdAt")
    @Mapping(target = "attachments", source = "attachmentsJson")
    @Mapping(target = "data", source = "dataJson")
    TimelineEntry toTimelineEntry(ReviewRecordEntity entity);

    List<TimelineEntry> toTimeline(List<ReviewRecordEntity> entities);

    default Map<String, Object> jsonToMap(String json) {
        return JsonCodec.readMap(json);
    }

    default List<String> jsonToList(String json) {
        return JsonCodec.readList(json);
    }
}
