import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AttemptsCoreModule } from '@lc/attempts';
import { ContestsCoreModule } from '@lc/contests';
import { BriefController } from './brief/brief.controller';
import { BriefService } from './brief/brief.service';
import { EntriesController } from './entry/entries.controller';
import { EntriesService } from './entry/entries.service';
import { EntryAccess } from './entry/entry-access.service';
import { HandInService } from './entry/hand-in.service';
import { JudgedEntryPersonalData } from './entry/judged-entry-personal-data';
import { EntryFileStore } from './files/entry-file-store';
import { EntryFileSweep } from './files/entry-file-sweep';
import { ENTRY_FILE_SWEEP_QUEUE, EntryFileSweepBootstrap, EntryFileSweepProcessor } from './files/entry-file-sweep.processor';
import { JudgedStandings } from './judged-standings';
import { JuryController } from './jury/jury.controller';
import { JurySettingsService } from './jury/jury-settings.service';
import { RoundEntriesController } from './listing/round-entries.controller';
import { RoundEntriesService } from './listing/round-entries.service';
import { MarksController } from './marks/marks.controller';
import { MarksService } from './marks/marks.service';
import { ReconcileService } from './marks/reconcile.service';
import { JudgedStandingsFromMarks } from './standing/judged-standings.service';
import { RoundMarkingService } from './standing/round-marking.service';

/** Judged rounds: jury settings, entries handed in, judges' rubric marks, recusal and reconciliation. */
@Module({
  imports: [ContestsCoreModule, AttemptsCoreModule],
  controllers: [JuryController, BriefController, EntriesController, MarksController, RoundEntriesController],
  providers: [
    JurySettingsService,
    BriefService,
    EntryAccess,
    EntryFileStore,
    EntryFileSweep,
    HandInService,
    EntriesService,
    RoundMarkingService,
    MarksService,
    ReconcileService,
    RoundEntriesService,
    JudgedEntryPersonalData,
    { provide: JudgedStandings, useClass: JudgedStandingsFromMarks },
  ],
  exports: [JudgedStandings, EntryFileSweep, JudgedEntryPersonalData],
})
export class JudgedEntriesModule {}

/** The worker's part: the hourly sweep of leftover entry files. */
@Module({
  imports: [JudgedEntriesModule, BullModule.registerQueue({ name: ENTRY_FILE_SWEEP_QUEUE })],
  providers: [EntryFileSweepProcessor, EntryFileSweepBootstrap],
})
export class JudgedEntriesWorkerModule {}
