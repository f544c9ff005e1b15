package org.tierflow.core.internal.training;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;
import org.tierflow.core.api.LedgerEntry;
import org.tierflow.core.internal.persistence.TrainingHoursEntity;

/** Maps ledger rows to the API's records. */
@Mapper
interface LedgerMapper {

    LedgerMapper INSTANCE = Mappers.getMapper(LedgerMapper.class);

    LedgerEntry toEntry(TrainingHoursEntity entity);

    List<LedgerEntry> toEntries(List<TrainingHoursEntity> entities);
}
